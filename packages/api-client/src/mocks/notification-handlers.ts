import { registerPushTokenSchema } from "@referral-app/shared/schemas/notification";
import { HttpResponse, http } from "msw";
import { type MockStore, markRead, unreadCount } from "./mock-store.ts";
import { fail, invalid, ok, paginate, readJson } from "./respond.ts";

export function notificationHandlers(store: MockStore, url: (path: string) => string) {
  return [
    http.get(url("notifications"), ({ request }) => {
      const requestUrl = new URL(request.url);
      const unread = ["true", "1"].includes(requestUrl.searchParams.get("unread") ?? "");
      const items = store.notifications.filter((notification) => !unread || notification.readAt === null);
      return HttpResponse.json(paginate(items, requestUrl));
    }),

    http.get(url("notifications/unread-count"), () => ok({ count: unreadCount(store) })),

    http.post(url("notifications/read-all"), () => {
      const unread = store.notifications.filter((notification) => notification.readAt === null);
      for (const notification of unread) markRead(store, notification);
      return ok({ updated: unread.length });
    }),

    http.post(url("notifications/push-tokens"), async ({ request }) => {
      const parsed = registerPushTokenSchema.safeParse(await readJson(request));
      return parsed.success ? ok({ registered: true }, 201) : invalid(parsed.error);
    }),

    http.post(url("notifications/:id/read"), ({ params }) => {
      const notification = store.notifications.find((entry) => entry.id === params.id);
      return notification ? ok(markRead(store, notification)) : fail("NOT_FOUND", "Notification not found");
    }),

    // The live stream: sends the current unread count, then stays open like the real one.
    http.get(url("notifications/stream"), () => {
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const count = JSON.stringify({ count: unreadCount(store) });
          controller.enqueue(encoder.encode(`event: unread-count\ndata: ${count}\n\n`));
        },
      });
      return new HttpResponse(stream, {
        headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
      });
    }),
  ];
}
