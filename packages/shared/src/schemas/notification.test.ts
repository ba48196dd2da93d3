import { describe, expect, it } from "vitest";
import {
  markAllReadResultSchema,
  notificationEventSchema,
  notificationListQuerySchema,
  notificationSchema,
  registerPushTokenSchema,
  unreadCountSchema,
} from "./notification.ts";

const notification = {
  id: "n1",
  userId: "u1",
  type: "status_update",
  title: "Your case moved forward",
  body: "You are now at Assessment.",
  data: { stage: "assessment" },
  readAt: null,
  createdAt: "2026-03-05T10:00:00.000Z",
};

describe("notification schemas", () => {
  it("accept a notification and refuse an unknown type", () => {
    expect(notificationSchema.parse(notification)).toEqual(notification);
    expect(notificationSchema.safeParse({ ...notification, type: "chat" }).success).toBe(false);
    expect(notificationSchema.safeParse({ ...notification, readAt: "today" }).success).toBe(false);
  });

  it("page the list and read `unread` from the query string", () => {
    expect(notificationListQuerySchema.parse({ unread: "true" })).toEqual({
      page: 1,
      limit: 20,
      unread: true,
    });
    expect(notificationListQuerySchema.parse({ unread: "0" }).unread).toBe(false);
    expect(notificationListQuerySchema.parse({}).unread).toBeUndefined();
    expect(notificationListQuerySchema.safeParse({ unread: "yes" }).success).toBe(false);
    expect(notificationListQuerySchema.safeParse({ limit: "500" }).success).toBe(false);
  });

  it("describe counts, stream events and push tokens", () => {
    expect(unreadCountSchema.safeParse({ count: 3 }).success).toBe(true);
    expect(unreadCountSchema.safeParse({ count: -1 }).success).toBe(false);
    expect(markAllReadResultSchema.safeParse({ updated: 2 }).success).toBe(true);
    expect(notificationEventSchema.safeParse({ notification, unreadCount: 1 }).success).toBe(true);
    expect(notificationEventSchema.safeParse({ notification }).success).toBe(false);
    expect(
      registerPushTokenSchema.safeParse({ token: "ExponentPushToken[x]", platform: "ios" }).success,
    ).toBe(true);
    expect(registerPushTokenSchema.safeParse({ token: "x", platform: "windows" }).success).toBe(false);
    expect(registerPushTokenSchema.safeParse({ token: "", platform: "ios" }).success).toBe(false);
  });
});
