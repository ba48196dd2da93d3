import { applyNotificationEvent, queryKeys, useApi } from "@referral-app/api-client/react";
import { notificationTitle } from "@referral-app/i18n/notifications";
import { useToast } from "@referral-app/ui/toast";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Keeps the notification cache live over SSE and announces each new one with a toast. */
export function useLiveNotifications(enabled: boolean) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  const { toast } = useToast();
  const { i18n } = useTranslation();
  useEffect(() => {
    if (!enabled) return;
    return services.notifications.subscribe((event) => {
      applyNotificationEvent(queryClient, event);
      if (event.type === "notification") {
        const { notification } = event.data;
        toast({
          title: notificationTitle(notification, i18n.resolvedLanguage ?? i18n.language),
          description: notification.body,
        });
        // A status change may have moved a referral or a case (stage, note, task): refresh what it touches.
        void queryClient.invalidateQueries({ queryKey: queryKeys.referrals.all });
        void queryClient.invalidateQueries({ queryKey: queryKeys.profile.all });
        void queryClient.invalidateQueries({ queryKey: queryKeys.cases.all });
      }
    });
  }, [enabled, services, queryClient, toast, i18n]);
}
