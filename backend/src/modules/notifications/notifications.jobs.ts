import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPE_VALUES } from "@referral-app/shared/constants";
import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { deliverNotification } from "./notification-delivery.ts";
import { deleteDevMailBefore } from "./notifications.repository.ts";

export const sendEmailJob = defineJob({
  name: "email.send",
  payload: z.object({
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().optional(),
    messageId: z.string().optional(),
  }),
  handler: async (payload, ctx) => {
    await ctx.mailer.send(payload);
  },
});

export const notificationPayloadSchema = z.object({
  userId: z.string(),
  type: z.enum(NOTIFICATION_TYPE_VALUES),
  /** The English words; replaced by `message` rendered in the recipient's language when given. */
  title: z.string(),
  body: z.string(),
  /** A message key (lib/messages.ts) and its parameters, rendered at delivery for the recipient. */
  message: z.object({ key: z.string(), params: z.record(z.string(), z.string()) }).optional(),
  data: z.record(z.string(), z.unknown()).optional(),
  /** Unique per logical notification: a retried job finds it and does nothing twice. */
  dedupeKey: z.string(),
  broadcastId: z.string().optional(),
  /** Only these channels (still as the user's preferences allow): a message's push, a digest's e-mail. */
  channels: z.array(z.enum(NOTIFICATION_CHANNELS)).optional(),
  /** Where the e-mail's button leads (a path under PUBLIC_URL); the notifications page by default. */
  linkPath: z.string().startsWith("/").optional(),
});
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

export const deliverNotificationJob = defineJob({
  name: "notification.deliver",
  payload: notificationPayloadSchema,
  handler: deliverNotification,
});

/** Forgets dev-mailbox messages past MAILBOX_RETENTION_DAYS (reset links included); idempotent. */
export const purgeDevMailboxJob = defineJob({
  name: "email.purge-dev-mailbox",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const cutoff = new Date(Date.now() - ctx.config.retention.mailboxDays * 24 * 60 * 60 * 1000);
    const purged = await deleteDevMailBefore(ctx.db, cutoff);
    if (purged > 0) ctx.logger.info({ purged }, "purged old dev-mailbox messages");
  },
  // Daily at 03:29 UTC.
  cron: "29 3 * * *",
});
