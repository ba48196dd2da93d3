import { Redirect, useLocalSearchParams } from "expo-router";

// referralapp://r/CODE and https://HOST/r/CODE land here: sign up with the code filled in.
export default function ReferralLinkRoute() {
  const { code } = useLocalSearchParams<{ code: string }>();
  return <Redirect href={{ pathname: "/sign-up", params: { code } }} />;
}
