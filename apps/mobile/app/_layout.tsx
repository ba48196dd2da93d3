import { Stack } from "expo-router";
import { StatusBar } from "expo-status-bar";
import { AppProviders } from "../src/app-providers";

export default function RootLayout() {
  return (
    <AppProviders>
      <StatusBar style="auto" />
      <Stack screenOptions={{ headerShown: false }}>
        <Stack.Screen name="referrals/[id]" options={{ headerShown: true, title: "" }} />
        <Stack.Screen name="cases/[id]" options={{ headerShown: true, title: "" }} />
      </Stack>
    </AppProviders>
  );
}
