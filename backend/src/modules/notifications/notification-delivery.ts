import { setTimeout } from "node:timers/promises";
import type { NotificationChannel, NotificationType } from "@referral-app/shared/constants";
import { defaultUserPreferences, type UserPreferences } from "@referral-app/shared/schemas/user";
import type { AppContext } from "../../context.ts";
import { messageIdFor } from "../../lib/mailer.ts";
import { languageOf, renderMessage } from "../../lib/messages.ts";
import { notificationMail } from "./notification-mail.ts";
import type { NotificationPayload } from "./notifications.jobs.ts";
import {
  claimDelivery,
  countUnread,
  type DeliveryKey,
  deletePushTokens,
  findRecipient,
  finishDelivery,
  insertNotification,
  listPushTokens,
  recordDelivery,
  renewDeliveryClaim,
} from "./notifications.repository.ts";
import { sendExpoPush } from "./push-sender.ts";

type Recipient = NonNullable<Awaited<ReturnType<typeof findRecipient>>>;
type Channel = (ctx: AppContext, payload: NotificationPayload, recipient: Recipient) => Promise<void>;

const CHANNELS: [NotificationChannel, Channel][] = [
  ["inApp", deliverInApp],
  ["email", deliverEmail],
  ["push", deliverPush],
];

/**
 * Delivers one notification on each channel the user's preferences allow. Idempotent: the in-app
 * row and each channel's delivery row are keyed by the payload's dedupeKey, so a job retried after
 * a crash finishes what is missing and repeats nothing that finished. One channel failing does not
 * hold back the others; the job then fails and pg-boss retries it.
 */
export async function deliverNotification(queued: NotificationPayload, ctx: AppContext): Promise<void> {
  const recipient = await findRecipient(ctx.db, queued.userId);
  if (!recipient) return; // the account was deleted after the notification was queued
  // The recipient's language, never the sender's: the words are made now that we know who reads them.
  const payload = queued.message
    ? {
        ...queued,
        ...renderMessage(languageOf(recipient.preferences), queued.message.key, queued.message.params),
      }
    : queued;
  const errors: unknown[] = [];
  for (const [channel, deliver] of CHANNELS) {
    if (payload.channels && !payload.channels.includes(channel)) continue;
    try {
      if (wants(recipient.preferences, payload.type, channel)) await deliver(ctx, payload, recipient);
      else await recordDelivery(ctx.db, deliveryKey(payload, channel), "skipped", "turned off");
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, "notification delivery failed on several channels");
}

function wants(preferences: UserPreferences | null, type: NotificationType, channel: NotificationChannel) {
  // Preferences saved before a type existed fall back to that type's defaults.
  return (
    preferences?.notifications?.[type]?.[channel] ?? defaultUserPreferences().notifications[type][channel]
  );
}

function deliveryKey(payload: NotificationPayload, channel: NotificationChannel): DeliveryKey {
  return { dedupeKey: payload.dedupeKey, userId: payload.userId, channel, broadcastId: payload.broadcastId };
}

async function deliverInApp(ctx: AppContext, payload: NotificationPayload): Promise<void> {
  const created = await insertNotification(ctx.db, {
    userId: payload.userId,
    type: payload.type,
    title: payload.title,
    body: payload.body,
    data: payload.data ?? null,
    dedupeKey: payload.dedupeKey,
  });
  await recordDelivery(ctx.db, deliveryKey(payload, "inApp"), "sent");
  if (!created) return;
  try {
    const unreadCount = await countUnread(ctx.db, payload.userId);
    await ctx.live.publish(payload.userId, { notification: created, unreadCount });
  } catch (error) {
    // Open apps miss one live update and catch up on their next fetch: not worth a retry.
    ctx.logger.warn({ err: error, userId: payload.userId }, "live notification publish failed");
  }
}

/** Claims the channel, runs `send`, and records the outcome; a thrown error marks it failed. */
async function sendOnce(
  ctx: AppContext,
  key: DeliveryKey,
  send: () => Promise<{ status: "sent" | "failed"; detail?: string | null }>,
): Promise<void> {
  const lapseSeconds = ctx.config.deliveryClaimLapseSeconds;
  let claim = await claimDelivery(ctx.db, key, lapseSeconds);
  if (claim.state === "busy") {
    // Its holder is sending right now or died mid-send (its job came back to us): wait once for the
    // heartbeat to lapse instead of spending a retry, whose backoff would add seconds to minutes.
    await setTimeout(claim.lapsesInMs + 100);
    claim = await claimDelivery(ctx.db, key, lapseSeconds);
  }
  if (claim.state === "done") return;
  if (claim.state === "busy")
    throw new Error(`${key.channel} delivery ${key.dedupeKey} is in progress elsewhere`);
  // A live worker renews its claim three times per lapse, so only a dead one's claim lapses.
  const heartbeat = setInterval(
    () => {
      renewDeliveryClaim(ctx.db, key).catch((error) =>
        ctx.logger.warn({ err: error, dedupeKey: key.dedupeKey }, "delivery claim renewal failed"),
      );
    },
    (lapseSeconds * 1000) / 3,
  );
  let outcome: { status: "sent" | "failed"; detail?: string | null };
  try {
    outcome = await send();
  } catch (error) {
    clearInterval(heartbeat);
    await finishDelivery(ctx.db, key, "failed", error instanceof Error ? error.message : String(error));
    throw error;
  }
  try {
    // Sent: from here a lost record means a resend, so the record is retried while the heartbeat
    // still holds the claim (a cut connection comes back within the pool's next connect).
    await recordSent(ctx, key, outcome);
  } finally {
    clearInterval(heartbeat);
  }
}

const RECORD_DELAYS_MS = [100, 400, 1000, 2000, 4000];

async function recordSent(
  ctx: AppContext,
  key: DeliveryKey,
  outcome: { status: "sent" | "failed"; detail?: string | null },
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await finishDelivery(ctx.db, key, outcome.status, outcome.detail ?? null);
    } catch (error) {
      const delay = RECORD_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      ctx.logger.warn({ err: error, dedupeKey: key.dedupeKey }, "recording a sent delivery failed; retrying");
      await setTimeout(delay);
    }
  }
}

async function deliverEmail(ctx: AppContext, payload: NotificationPayload, recipient: Recipient) {
  await sendOnce(ctx, deliveryKey(payload, "email"), async () => {
    await ctx.mailer.send(
      notificationMail({
        to: recipient.email,
        name: recipient.name,
        title: payload.title,
        body: payload.body,
        link: `${ctx.config.publicUrl}${payload.linkPath ?? "/notifications"}`,
        language: languageOf(recipient.preferences),
        // Fixed by the notification: a send repeated after a crash is the same message.
        messageId: messageIdFor(`notification:${payload.dedupeKey}`, ctx.config.mailFrom),
      }),
    );
    return { status: "sent", detail: ctx.mailer.transport };
  });
}

async function deliverPush(ctx: AppContext, payload: NotificationPayload): Promise<void> {
  const key = deliveryKey(payload, "push");
  const { expoPushUrl, expoAccessToken } = ctx.config;
  if (!expoPushUrl) return recordDelivery(ctx.db, key, "skipped", "push not configured");
  const tokens = await listPushTokens(ctx.db, payload.userId);
  if (tokens.length === 0) return recordDelivery(ctx.db, key, "skipped", "no device registered");
  await sendOnce(ctx, key, async () => {
    const result = await sendExpoPush({ url: expoPushUrl, accessToken: expoAccessToken }, tokens, {
      title: payload.title,
      body: payload.body,
      data: payload.data,
    });
    await deletePushTokens(ctx.db, result.staleTokens);
    const detail = result.errors.length > 0 ? result.errors.join("; ") : null;
    // Per-device rejections are final; only TransientPushError (thrown) earns a retry.
    return { status: result.accepted > 0 ? "sent" : "failed", detail };
  });
}
