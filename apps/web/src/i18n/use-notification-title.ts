import { notificationTitle } from "@referral-app/i18n/notifications";
import type { Notification } from "@referral-app/shared/schemas/notification";
import { useTranslation } from "react-i18next";

/** A notification's title said again in the language on screen (see docs/i18n.md, Notifications). */
export function useNotificationTitle() {
  const { i18n } = useTranslation();
  return (notification: Pick<Notification, "title" | "data">) =>
    notificationTitle(notification, i18n.resolvedLanguage ?? i18n.language);
}
