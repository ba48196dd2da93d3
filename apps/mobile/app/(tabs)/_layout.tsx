import { useNotificationStream, useSession, useUnreadCount } from "@referral-app/api-client/react";
import { useMessagesUnreadTotal } from "@referral-app/api-client/react/message-hooks";
import { Redirect, Tabs } from "expo-router";
import { useTranslation } from "react-i18next";
import { ActivityIndicator } from "react-native";
import { usePushRegistration } from "../../src/push/use-push-registration";
import { useTheme } from "../../src/theme/theme-context";

export default function TabsLayout() {
  const session = useSession();
  if (session.isPending) return <ActivityIndicator style={{ flex: 1 }} />;
  if (!session.data) return <Redirect href="/sign-in" />;
  return <SignedInTabs userId={session.data.user.id} />;
}

function SignedInTabs({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { palette } = useTheme();
  const unread = useUnreadCount();
  const unreadMessages = useMessagesUnreadTotal();
  usePushRegistration(userId);
  useNotificationStream();

  return (
    <Tabs
      screenOptions={{
        headerShown: false,
        // Text-only tabs: no icon font is bundled, so no empty glyph boxes.
        tabBarIconStyle: { display: "none" },
        tabBarActiveTintColor: palette.primary,
        tabBarStyle: { backgroundColor: palette.surface },
      }}
    >
      <Tabs.Screen name="index" options={{ title: t("tabs.dashboard") }} />
      <Tabs.Screen name="cases" options={{ title: t("tabs.cases") }} />
      <Tabs.Screen name="referrals" options={{ title: t("tabs.referrals") }} />
      <Tabs.Screen
        name="messages"
        options={{
          title: t("tabs.messages"),
          tabBarBadge: unreadMessages.data ? unreadMessages.data : undefined,
        }}
      />
      <Tabs.Screen
        name="notifications"
        options={{ title: t("tabs.notifications"), tabBarBadge: unread.data ? unread.data : undefined }}
      />
      <Tabs.Screen name="profile" options={{ title: t("tabs.profile") }} />
    </Tabs>
  );
}
