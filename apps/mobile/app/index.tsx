import { useSession } from "@referral-app/api-client/react";
import { Redirect } from "expo-router";
import { ActivityIndicator } from "react-native";

export default function Index() {
  const session = useSession();
  if (session.isPending) return <ActivityIndicator style={{ flex: 1 }} />;
  return <Redirect href={session.data ? "/(tabs)" : "/sign-in"} />;
}
