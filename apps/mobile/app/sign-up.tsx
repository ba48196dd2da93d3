import { referralCodeSchema } from "@referral-app/shared/schemas/auth";
import { useLocalSearchParams, useRouter } from "expo-router";
import { SignUpScreen } from "../src/screens/sign-up-screen";

export default function SignUpRoute() {
  const router = useRouter();
  const { code } = useLocalSearchParams<{ code?: string }>();
  const parsed = referralCodeSchema.safeParse(code);
  return (
    <SignUpScreen
      referralCode={parsed.success ? parsed.data : undefined}
      onSignedUp={() => router.replace("/(tabs)")}
      onSignIn={() => router.replace("/sign-in")}
    />
  );
}
