import { notificationTitle } from "@referral-app/i18n/notifications";
import { formatRelativeTime } from "@referral-app/shared/formatting";
import type { Notification } from "@referral-app/shared/schemas/notification";
import { useTranslation } from "react-i18next";
import { StyleSheet, View } from "react-native";
import { localeFor } from "../i18n/i18n";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";
import { Button } from "./button";

export interface NotificationItemProps {
  notification: Notification;
  onMarkRead: (id: string) => void;
}

export function NotificationItem({ notification, onMarkRead }: NotificationItemProps) {
  const { t, i18n } = useTranslation();
  const { palette } = useTheme();
  const unread = notification.readAt === null;
  // Said again in the language on screen, so a switch to Spanish changes the list too.
  const title = notificationTitle(notification, i18n.language);
  return (
    <View
      style={[
        styles.item,
        { borderColor: unread ? palette.primary : palette.border, backgroundColor: palette.surface },
      ]}
    >
      <View accessible accessibilityLabel={unread ? t("notifications.unreadLabel", { title }) : title}>
        <AppText variant="heading">{title}</AppText>
        <AppText>{notification.body}</AppText>
        <AppText variant="small">
          {formatRelativeTime(notification.createdAt, { locale: localeFor(i18n.language) })}
        </AppText>
      </View>
      {unread ? (
        <Button
          variant="secondary"
          label={t("notifications.markRead")}
          onPress={() => onMarkRead(notification.id)}
        />
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  item: { borderWidth: 1, borderLeftWidth: 4, borderRadius: 10, padding: 12, gap: 8 },
});
