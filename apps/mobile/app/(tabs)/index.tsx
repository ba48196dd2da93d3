import { useRouter } from "expo-router";
import { DashboardScreen } from "../../src/screens/dashboard-screen";

export default function DashboardRoute() {
  const router = useRouter();
  return (
    <DashboardScreen
      onRefer={() => router.navigate("/referrals")}
      onOpenCases={() => router.navigate("/cases")}
    />
  );
}
