import type { NotificationChannel } from "@referral-app/shared/constants";
import { defaultUserPreferences, isChannelEnabled } from "@referral-app/shared/schemas/user";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { AppContext } from "../../context.ts";
import { notificationDeliveries, notifications, users } from "../../db/schema/index.ts";
import type { NotificationPayload } from "./notifications.jobs.ts";
import { toNotification } from "./notifications.repository.ts";

/**
 * Delivers one notification on each channel the user's preferences allow. Idempotent: the
 * in-app row and each delivery row are keyed by the payload's dedupeKey.
 */
export async function deliverNotification(payload: NotificationPayload, ctx: AppContext): Promise<void> {
  const [user] = await ctx.db
    .select({ email: users.email, name: users.name, preferences: users.preferences })
    .from(users)
    .where(eq(users.id, payload.userId));
  if (!user) return;
  const preferences = user.preferences ?? defaultUserPreferences();
  const wants = (channel: NotificationChannel) => isChannelEnabled(preferences, payload.type, channel);

  if (wants("inApp")) {
    const [created] = await ctx.db
      .insert(notifications)
      .values({
        userId: payload.userId,
        type: payload.type,
        title: payload.title,
        body: payload.body,
        data: payload.data ?? null,
        dedupeKey: payload.dedupeKey,
      })
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning();
    if (created) {
      await recordDelivery(ctx, payload, "inApp", "sent");
      const [{ count }] = (await ctx.db
        .select({ count: sql<number>`count(*)::int` })
        .from(notifications)
        .where(and(eq(notifications.userId, payload.userId), isNull(notifications.readAt)))) as [
        { count: number },
      ];
      await ctx.live.publish(payload.userId, { notification: toNotification(created), unreadCount: count });
    }
  } else {
    await recordDelivery(ctx, payload, "inApp", "skipped");
  }

  if (wants("email")) {
    if (await recordDelivery(ctx, payload, "email", "sent")) {
      await ctx.mailer.send({
        to: user.email,
        subject: payload.title,
        text: `Hello ${user.name},\n\n${payload.body}\n`,
      });
    }
  } else {
    await recordDelivery(ctx, payload, "email", "skipped");
  }

  await recordDelivery(ctx, payload, "push", "skipped", wants("push") ? "push not configured" : "turned off");
}

/** True when this delivery is new (so the caller sends it); false when a retry already did. */
async function recordDelivery(
  ctx: AppContext,
  payload: NotificationPayload,
  channel: NotificationChannel,
  status: "sent" | "skipped" | "failed",
  detail?: string,
): Promise<boolean> {
  const rows = await ctx.db
    .insert(notificationDeliveries)
    .values({
      dedupeKey: payload.dedupeKey,
      userId: payload.userId,
      channel,
      status,
      detail: detail ?? null,
      broadcastId: payload.broadcastId ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: notificationDeliveries.id });
  return rows.length > 0;
}
