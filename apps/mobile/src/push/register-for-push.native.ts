import Constants from "expo-constants";
import * as Device from "expo-device";
import * as Notifications from "expo-notifications";
import { Platform } from "react-native";
import type { PushRegistrationResult, RegisterPushToken } from "./push-registration";

// A message push is for when the app is in the background: in the foreground the live stream has
// already put the message on screen (and bumped the Messages badge), so no banner then.
Notifications.setNotificationHandler({
  handleNotification: async (notification) => {
    const isMessage = Boolean(notification.request.content.data?.conversationId);
    return {
      shouldShowBanner: !isMessage,
      shouldShowList: !isMessage,
      shouldPlaySound: false,
      shouldSetBadge: true,
    };
  },
});

function projectId(): string | undefined {
  const extra = Constants.expoConfig?.extra as { eas?: { projectId?: string } } | undefined;
  return extra?.eas?.projectId ?? Constants.easConfig?.projectId ?? undefined;
}

/**
 * Asks for permission and sends the Expo push token to the backend. Simulators have no push token
 * and Expo push tokens need an EAS project id: both are skipped, never an error.
 */
export async function registerForPush(register: RegisterPushToken): Promise<PushRegistrationResult> {
  if (!Device.isDevice) return { status: "skipped", reason: "simulator" };
  const id = projectId();
  if (!id) return { status: "skipped", reason: "no-project-id" };

  if (Platform.OS === "android") {
    await Notifications.setNotificationChannelAsync("default", {
      name: "default",
      importance: Notifications.AndroidImportance.DEFAULT,
    });
  }
  let { status } = await Notifications.getPermissionsAsync();
  if (status !== "granted") status = (await Notifications.requestPermissionsAsync()).status;
  if (status !== "granted") return { status: "skipped", reason: "permission-denied" };

  const { data: token } = await Notifications.getExpoPushTokenAsync({ projectId: id });
  await register({ token, platform: Platform.OS === "ios" ? "ios" : "android" });
  return { status: "registered", token };
}
