import { useRouter } from "expo-router";
import { SignInScreen } from "../src/screens/sign-in-screen";

export default function SignInRoute() {
  const router = useRouter();
  return (
    <SignInScreen
      onSignedIn={() => router.replace("/(tabs)")}
      onCreateAccount={() => router.push("/sign-up")}
    />
  );
}
