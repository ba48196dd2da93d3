import type { PaginatedResponse } from "@referral-app/shared/schemas/common";
import {
  type ConversationLiveEvent,
  conversationReadEventSchema,
  messageLiveEventSchema,
} from "@referral-app/shared/schemas/conversation";
import {
  type MarkAllReadResult,
  markAllReadResultSchema,
  type Notification,
  type NotificationEvent,
  type NotificationListQuery,
  notificationEventSchema,
  notificationSchema,
  type RegisterPushTokenData,
  type UnreadCount,
  unreadCountSchema,
} from "@referral-app/shared/schemas/notification";
import { BaseService, pathId } from "./base-service.ts";

// Conversation events ride the same stream (see /api/conversations).
const CONVERSATION_EVENTS = [
  ["message.created", messageLiveEventSchema],
  ["message.updated", messageLiveEventSchema],
  ["conversation.read", conversationReadEventSchema],
] as const;

export type NotificationStreamEvent =
  | { type: "notification"; data: NotificationEvent }
  | { type: "unread-count"; data: UnreadCount }
  | ConversationLiveEvent;

/** The part of the DOM EventSource the stream uses; React Native can pass a polyfill. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
  onerror: ((event: unknown) => void) | null;
}
export type EventSourceFactory = (url: string, init: { withCredentials: boolean }) => EventSourceLike;

export interface SubscribeOptions {
  onError?: (error: unknown) => void;
  /** Defaults to the global EventSource; without one, subscribe does nothing. */
  eventSource?: EventSourceFactory;
}

export class NotificationService extends BaseService {
  list(query: NotificationListQuery = {}, signal?: AbortSignal): Promise<PaginatedResponse<Notification>> {
    return this.getPage("notifications", notificationSchema, {
      searchParams: { page: query.page, limit: query.limit, unread: query.unread },
      signal,
    });
  }

  async unreadCount(signal?: AbortSignal): Promise<number> {
    return (await this.get("notifications/unread-count", unreadCountSchema, { signal })).count;
  }

  markRead(id: string): Promise<Notification> {
    return this.post(`notifications/${pathId(id)}/read`, notificationSchema);
  }

  markAllRead(): Promise<MarkAllReadResult> {
    return this.post("notifications/read-all", markAllReadResultSchema);
  }

  registerPushToken(data: RegisterPushTokenData): Promise<void> {
    return this.postVoid("notifications/push-tokens", data);
  }

  /** Opens the SSE stream; returns the function that closes it. Malformed events are reported, not thrown. */
  subscribe(onEvent: (event: NotificationStreamEvent) => void, options: SubscribeOptions = {}): () => void {
    const factory = options.eventSource ?? globalEventSource();
    if (!factory) return () => {};
    const source = factory(`${this.client.baseURL}/notifications/stream`, {
      withCredentials: this.client.config.credentials === "include",
    });
    source.addEventListener("notification", (event) => {
      const parsed = notificationEventSchema.safeParse(parseData(event.data));
      if (parsed.success) onEvent({ type: "notification", data: parsed.data });
      else options.onError?.(parsed.error);
    });
    source.addEventListener("unread-count", (event) => {
      const parsed = unreadCountSchema.safeParse(parseData(event.data));
      if (parsed.success) onEvent({ type: "unread-count", data: parsed.data });
      else options.onError?.(parsed.error);
    });
    for (const [type, schema] of CONVERSATION_EVENTS) {
      source.addEventListener(type, (event) => {
        const parsed = schema.safeParse(parseData(event.data));
        if (parsed.success) onEvent({ type, data: parsed.data } as ConversationLiveEvent);
        else options.onError?.(parsed.error);
      });
    }
    source.onerror = (error) => options.onError?.(error);
    return () => source.close();
  }
}

function globalEventSource(): EventSourceFactory | undefined {
  const EventSourceClass = (
    globalThis as { EventSource?: new (url: string, init: object) => EventSourceLike }
  ).EventSource;
  return EventSourceClass ? (url, init) => new EventSourceClass(url, init) : undefined;
}

function parseData(data: unknown): unknown {
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
