import { useRouter } from "expo-router";
import { webHost } from "../../src/config/web-host";
import { ReferralsScreen } from "../../src/screens/referrals-screen";

export default function ReferralsRoute() {
  const router = useRouter();
  return (
    <ReferralsScreen
      webHost={webHost()}
      onOpenReferral={(id) => router.push({ pathname: "/referrals/[id]", params: { id } })}
    />
  );
}
