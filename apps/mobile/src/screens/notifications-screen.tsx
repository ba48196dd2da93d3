import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  useUnreadCount,
} from "@referral-app/api-client/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { AppText } from "../components/app-text";
import { Button } from "../components/button";
import { NotificationItem } from "../components/notification-item";
import { Screen } from "../components/screen";
import { SegmentedControl } from "../components/segmented-control";

type Filter = "all" | "unread";

export function NotificationsScreen() {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<Filter>("all");
  const notifications = useNotifications({ limit: 50, ...(filter === "unread" ? { unread: true } : {}) });
  const unread = useUnreadCount();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unreadCount = unread.data ?? 0;

  const refresh = () => {
    void notifications.refetch();
    void unread.refetch();
  };

  return (
    <Screen refreshing={notifications.isRefetching} onRefresh={refresh}>
      <AppText variant="title" accessibilityRole="header">
        {t("notifications.title")}
      </AppText>
      <AppText variant="muted">{t("notifications.unread", { count: unreadCount })}</AppText>
      <SegmentedControl<Filter>
        label={t("notifications.title")}
        value={filter}
        onChange={setFilter}
        options={[
          { value: "all", label: t("notifications.all") },
          { value: "unread", label: t("notifications.unreadOnly") },
        ]}
      />
      {unreadCount > 0 ? (
        <Button
          variant="secondary"
          label={t("notifications.markAllRead")}
          onPress={() => markAll.mutate()}
          busy={markAll.isPending}
        />
      ) : null}
      {notifications.data?.data.length === 0 ? (
        <AppText variant="muted">{t("notifications.empty")}</AppText>
      ) : null}
      {notifications.data?.data.map((notification) => (
        <NotificationItem
          key={notification.id}
          notification={notification}
          onMarkRead={(id) => markRead.mutate(id)}
        />
      ))}
    </Screen>
  );
}
