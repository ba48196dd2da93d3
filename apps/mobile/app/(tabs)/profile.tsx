import { useRouter } from "expo-router";
import { ProfileScreen } from "../../src/screens/profile-screen";

export default function ProfileRoute() {
  const router = useRouter();
  return <ProfileScreen onSignedOut={() => router.replace("/sign-in")} />;
}
