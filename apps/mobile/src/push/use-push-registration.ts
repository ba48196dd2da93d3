import { useApi } from "@referral-app/api-client/react";
import { useEffect } from "react";
import { registerForPush } from "./register-for-push";

/** Registers this device for push once per signed-in user; failures never block the app. */
export function usePushRegistration(userId: string | undefined): void {
  const { services } = useApi();
  useEffect(() => {
    if (!userId) return;
    registerForPush((data) => services.notifications.registerPushToken(data)).catch((error: unknown) => {
      console.warn("Push registration failed", error);
    });
  }, [userId, services.notifications]);
}
