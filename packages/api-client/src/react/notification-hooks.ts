import type { PaginatedResponse } from "@referral-app/shared/schemas/common";
import type { Notification, NotificationListQuery } from "@referral-app/shared/schemas/notification";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { NotificationStreamEvent } from "../services/notification-service.ts";
import { useApi } from "./api-context.ts";
import { applyConversationEvent } from "./conversation-events.ts";
import { queryKeys } from "./query-keys.ts";

type NotificationPage = PaginatedResponse<Notification>;

export function useNotifications(query: NotificationListQuery = {}) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.notifications.list(query),
    queryFn: ({ signal }) => services.notifications.list(query, signal),
  });
}

export function useUnreadCount() {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.notifications.unreadCount(),
    queryFn: ({ signal }) => services.notifications.unreadCount(signal),
  });
}

function updateCachedNotifications(queryClient: QueryClient, update: (item: Notification) => Notification) {
  queryClient.setQueriesData<NotificationPage>({ queryKey: queryKeys.notifications.lists() }, (page) =>
    page ? { ...page, data: page.data.map(update) } : page,
  );
}

export function useMarkNotificationRead() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => services.notifications.markRead(id),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.notifications.all });
      const readAt = new Date().toISOString();
      updateCachedNotifications(queryClient, (item) =>
        item.id === id && !item.readAt ? { ...item, readAt } : item,
      );
      queryClient.setQueryData<number>(queryKeys.notifications.unreadCount(), (count) =>
        count ? count - 1 : count,
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
}

export function useMarkAllNotificationsRead() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => services.notifications.markAllRead(),
    onMutate: async () => {
      await queryClient.cancelQueries({ queryKey: queryKeys.notifications.all });
      const readAt = new Date().toISOString();
      updateCachedNotifications(queryClient, (item) => (item.readAt ? item : { ...item, readAt }));
      queryClient.setQueryData(queryKeys.notifications.unreadCount(), 0);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications.all }),
  });
}

/** Applies one stream event to the cache: the count, and new notifications on cached first pages. */
export function applyNotificationEvent(queryClient: QueryClient, event: NotificationStreamEvent): void {
  if (event.type === "unread-count") {
    queryClient.setQueryData(queryKeys.notifications.unreadCount(), event.data.count);
    return;
  }
  if (event.type !== "notification") {
    applyConversationEvent(queryClient, event);
    return;
  }
  const { notification, unreadCount } = event.data;
  queryClient.setQueryData(queryKeys.notifications.unreadCount(), unreadCount);
  for (const [key, page] of queryClient.getQueriesData<NotificationPage>({
    queryKey: queryKeys.notifications.lists(),
  })) {
    if (page?.pagination.page !== 1 || page.data.some((item) => item.id === notification.id)) continue;
    queryClient.setQueryData<NotificationPage>(key, {
      ...page,
      data: [notification, ...page.data].slice(0, page.pagination.limit),
      pagination: { ...page.pagination, total: page.pagination.total + 1 },
    });
  }
}

/** Keeps notifications live over SSE while mounted (no-op where EventSource does not exist). */
export function useNotificationStream(options: { enabled?: boolean } = {}) {
  const { services } = useApi();
  const queryClient = useQueryClient();
  const enabled = options.enabled ?? true;
  useEffect(() => {
    if (!enabled) return;
    return services.notifications.subscribe((event) => applyNotificationEvent(queryClient, event));
  }, [enabled, services, queryClient]);
}
