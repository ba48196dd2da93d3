import {
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotifications,
  useUnreadCount,
} from "@referral-app/api-client/react";
import type { Notification } from "@referral-app/shared/schemas/notification";
import { Badge } from "@referral-app/ui/badge";
import { Button } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { EmptyState } from "@referral-app/ui/empty-state";
import { Checkbox, FormMessage } from "@referral-app/ui/form";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageTitle } from "../../components/page-title.tsx";
import { apiErrorMessage } from "../../forms/api-error-message.ts";
import { useFormat } from "../../i18n/use-format.ts";
import { useNotificationTitle } from "../../i18n/use-notification-title.ts";
import { notificationLink } from "./notification-link.ts";

const PAGE_SIZE = 20;

/** The title, as a link to what it is about when there is one (opening it marks it read). */
function NotificationTitle({ item, onOpen }: { item: Notification; onOpen: () => void }) {
  // Said again in the language on screen, so switching language changes the list too.
  const title = useNotificationTitle()(item);
  const href = notificationLink(item);
  const className = item.readAt ? "" : "font-semibold";
  if (!href) return <span className={className}>{title}</span>;
  return (
    <Link to={href} onClick={onOpen} className={`${className} text-brand underline-offset-4 hover:underline`}>
      {title}
    </Link>
  );
}

/** The lazy notifications module; new ones arrive live through the layout's SSE subscription. */
export function Component() {
  const { t } = useTranslation();
  const format = useFormat();
  const titleOf = useNotificationTitle();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [page, setPage] = useState(1);
  const list = useNotifications({ page, limit: PAGE_SIZE, unread: unreadOnly || undefined });
  const unread = useUnreadCount();
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const items = list.data?.data;
  const pages = list.data?.pagination.pages ?? 1;

  return (
    <div className="space-y-6">
      <PageTitle title={t("notifications.title")} />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-semibold">{t("notifications.title")}</h1>
        <Button
          variant="secondary"
          size="sm"
          disabled={!unread.data}
          loading={markAll.isPending}
          onClick={() => markAll.mutate()}
        >
          {t("notifications.markAllRead")}
        </Button>
      </div>
      <Checkbox
        variant="switch"
        label={t("notifications.unreadOnly")}
        checked={unreadOnly}
        onChange={(event) => {
          setUnreadOnly(event.target.checked);
          setPage(1);
        }}
      />
      <Card>
        {list.error ? (
          <div className="space-y-2">
            <FormMessage>{apiErrorMessage(list.error, t)}</FormMessage>
            <Button variant="secondary" size="sm" onClick={() => list.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : !items ? (
          <SkeletonList label={t("notifications.loading")} lines={5} />
        ) : items.length === 0 ? (
          <EmptyState
            title={unreadOnly ? t("notifications.emptyUnread") : t("notifications.empty")}
            description={unreadOnly ? undefined : t("empty.notificationsBody")}
          />
        ) : (
          <ul aria-live="polite" className="divide-y divide-border" data-testid="notification-list">
            {items.map((item) => (
              <li key={item.id} className="flex flex-wrap items-start gap-3 py-4" data-unread={!item.readAt}>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <NotificationTitle
                      item={item}
                      onOpen={() => (item.readAt ? undefined : markRead.mutate(item.id))}
                    />
                    {item.readAt ? null : <Badge tone="info">{t("notifications.unread")}</Badge>}
                  </p>
                  <p className="mt-1 text-sm text-muted">{item.body}</p>
                  <time dateTime={item.createdAt} className="mt-1 block text-xs text-muted">
                    {format.dateTime(item.createdAt)}
                  </time>
                </div>
                {item.readAt ? null : (
                  <Button variant="ghost" size="sm" onClick={() => markRead.mutate(item.id)}>
                    {t("notifications.markRead")}
                    <span className="sr-only">: {titleOf(item)}</span>
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {pages > 1 ? (
        <nav aria-label={t("common.pagination")} className="flex items-center justify-between">
          <Button variant="secondary" size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t("common.previous")}
          </Button>
          <span className="text-sm text-muted">{t("common.pageOf", { page, pages })}</span>
          <Button variant="secondary" size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            {t("common.next")}
          </Button>
        </nav>
      ) : null}
    </div>
  );
}
