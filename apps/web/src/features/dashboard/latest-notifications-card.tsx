import { useNotifications } from "@referral-app/api-client/react";
import { Card } from "@referral-app/ui/card";
import { EmptyState } from "@referral-app/ui/empty-state";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/use-format.ts";
import { useNotificationTitle } from "../../i18n/use-notification-title.ts";
import { notificationLink } from "../notifications/notification-link.ts";

export function LatestNotificationsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useNotificationTitle();
  const notifications = useNotifications({ page: 1, limit: 5 });
  const items = notifications.data?.data;
  return (
    <Card title={t("dashboard.notificationsTitle")}>
      {!items ? (
        <SkeletonList label={t("notifications.loading")} />
      ) : items.length === 0 ? (
        <EmptyState title={t("dashboard.allCaughtUp")} />
      ) : (
        <ul className="divide-y divide-border">
          {items.map((item) => (
            <li key={item.id} className="flex items-start gap-3 py-3">
              <span
                aria-hidden="true"
                className={
                  item.readAt ? "mt-1.5 size-2 shrink-0" : "mt-1.5 size-2 shrink-0 rounded-full bg-brand"
                }
              />
              <div className="min-w-0 flex-1">
                <p className={item.readAt ? "text-sm" : "text-sm font-semibold"}>
                  {notificationLink(item) ? (
                    <Link to={notificationLink(item) ?? "/"} className="hover:underline">
                      {titleOf(item)}
                    </Link>
                  ) : (
                    titleOf(item)
                  )}
                  {item.readAt ? null : <span className="sr-only"> ({t("notifications.unread")})</span>}
                </p>
                <p className="truncate text-sm text-muted">{item.body}</p>
              </div>
              <time dateTime={item.createdAt} className="shrink-0 text-xs text-muted">
                {format.relative(item.createdAt)}
              </time>
            </li>
          ))}
        </ul>
      )}
      <Link to="/notifications" className="mt-4 inline-block text-sm text-brand hover:underline">
        {t("dashboard.seeNotifications")}
      </Link>
    </Card>
  );
}
