import { z } from "zod";
import { idSchema, isoDateTimeSchema, paginationQuerySchema } from "./common.ts";
import { notificationTypeSchema } from "./user.ts";

export const notificationSchema = z
  .object({
    id: idSchema,
    userId: idSchema,
    type: notificationTypeSchema,
    title: z.string(),
    body: z.string(),
    data: z.record(z.string(), z.unknown()).nullable(),
    readAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof notificationSchema>;

const booleanQuery = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

export const notificationListQuerySchema = paginationQuerySchema.extend({
  unread: booleanQuery.optional(),
});
/** What a client asks for: the parsed fields, each optional (the server fills the defaults). */
export type NotificationListQuery = Partial<z.output<typeof notificationListQuerySchema>>;

export const unreadCountSchema = z.object({ count: z.number().int().min(0) }).meta({ id: "UnreadCount" });
export type UnreadCount = z.infer<typeof unreadCountSchema>;

export const markAllReadResultSchema = z.object({ updated: z.number().int().min(0) });
export type MarkAllReadResult = z.infer<typeof markAllReadResultSchema>;

/** What the SSE stream at `/api/notifications/stream` sends as `event: notification`. */
export const notificationEventSchema = z.object({
  notification: notificationSchema,
  unreadCount: z.number().int().min(0),
});
export type NotificationEvent = z.infer<typeof notificationEventSchema>;

/** A device registering for push (Expo push token). */
export const registerPushTokenSchema = z
  .strictObject({
    token: z.string().min(1).max(255),
    platform: z.enum(["ios", "android", "web"]),
  })
  .meta({ id: "RegisterPushTokenData" });
export type RegisterPushTokenData = z.infer<typeof registerPushTokenSchema>;
