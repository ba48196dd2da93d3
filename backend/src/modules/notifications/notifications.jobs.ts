import { NOTIFICATION_TYPE_VALUES } from "@referral-app/shared/constants";
import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { deliverNotification } from "./notification-delivery.ts";

export const sendEmailJob = defineJob({
  name: "email.send",
  payload: z.object({
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().optional(),
  }),
  handler: async (payload, ctx) => {
    await ctx.mailer.send(payload);
  },
});

export const notificationPayloadSchema = z.object({
  userId: z.string(),
  type: z.enum(NOTIFICATION_TYPE_VALUES),
  title: z.string(),
  body: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
  /** Unique per logical notification: a retried job finds it and does nothing twice. */
  dedupeKey: z.string(),
  broadcastId: z.string().optional(),
});
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

export const deliverNotificationJob = defineJob({
  name: "notification.deliver",
  payload: notificationPayloadSchema,
  handler: deliverNotification,
});
