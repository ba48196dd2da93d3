import type { NotificationChannel } from "@referral-app/shared/constants";
import type { DevMail } from "@referral-app/shared/schemas/admin";
import type { Notification, RegisterPushTokenData } from "@referral-app/shared/schemas/notification";
import { and, count, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  devMailbox,
  notificationDeliveries,
  notifications,
  pushTokens,
  users,
} from "../../db/schema/index.ts";

type NotificationRow = typeof notifications.$inferSelect;
type DevMailRow = typeof devMailbox.$inferSelect;

export function toNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    userId: row.userId,
    type: row.type,
    title: row.title,
    body: row.body,
    data: row.data ?? null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

function toDevMail(row: DevMailRow): DevMail {
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    linksHidden: false,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function findRecipient(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({ email: users.email, name: users.name, preferences: users.preferences })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export async function listNotifications(
  db: DbOrTx,
  userId: string,
  query: { page: number; limit: number; unread?: boolean | undefined },
): Promise<Page<Notification>> {
  const where = query.unread
    ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
    : eq(notifications.userId, userId);
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    db.select({ total: count() }).from(notifications).where(where),
  ]);
  return { items: rows.map(toNotification), total: totals?.total ?? 0 };
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ total: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.total ?? 0;
}

/** Marks the user's notification read (keeping the first read time); null when it is not theirs. */
export async function markNotificationRead(
  db: DbOrTx,
  userId: string,
  id: string,
): Promise<Notification | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ? toNotification(row) : null;
}

export async function markAllNotificationsRead(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}

/** Inserts the in-app notification once per dedupe key; null when a previous run already did. */
export async function insertNotification(
  db: DbOrTx,
  values: typeof notifications.$inferInsert,
): Promise<Notification | null> {
  const [row] = await db
    .insert(notifications)
    .values(values)
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning();
  return row ? toNotification(row) : null;
}

export type DeliveryStatus = "pending" | "sent" | "skipped" | "failed";

export interface DeliveryKey {
  dedupeKey: string;
  userId: string;
  channel: NotificationChannel;
  broadcastId?: string | undefined;
}

/** Records a final outcome unless this channel already has a row (a retry keeps the first). */
export async function recordDelivery(
  db: DbOrTx,
  key: DeliveryKey,
  status: "sent" | "skipped",
  detail: string | null = null,
): Promise<void> {
  await db
    .insert(notificationDeliveries)
    .values({ ...deliveryValues(key), status, detail })
    .onConflictDoNothing({ target: [notificationDeliveries.dedupeKey, notificationDeliveries.channel] });
}

export type Claim = { state: "claimed" } | { state: "done" } | { state: "busy"; lapsesInMs: number };

/**
 * Claims the right to send on a channel: a new row, a failed attempt, or a pending one whose
 * heartbeat is older than `lapseSeconds` (its worker crashed mid-send). "done" when it was sent or
 * skipped; "busy" when another worker holds a live claim. Times are the database's, so workers on
 * machines with skewed clocks agree.
 */
export async function claimDelivery(db: DbOrTx, key: DeliveryKey, lapseSeconds: number): Promise<Claim> {
  const inserted = await db
    .insert(notificationDeliveries)
    .values({ ...deliveryValues(key), status: "pending", heartbeatAt: sql`now()` })
    .onConflictDoNothing({ target: [notificationDeliveries.dedupeKey, notificationDeliveries.channel] })
    .returning({ id: notificationDeliveries.id });
  if (inserted.length > 0) return { state: "claimed" };
  const lapsedBefore = sql`(now() - make_interval(secs => ${lapseSeconds}))`;
  const reclaimed = await db
    .update(notificationDeliveries)
    .set({ status: "pending", detail: null, heartbeatAt: sql`now()` })
    .where(
      and(
        deliveryWhere(key),
        or(
          eq(notificationDeliveries.status, "failed"),
          and(
            eq(notificationDeliveries.status, "pending"),
            // Rows claimed before heartbeats existed count from their creation.
            lt(
              sql`coalesce(${notificationDeliveries.heartbeatAt}, ${notificationDeliveries.createdAt})`,
              lapsedBefore,
            ),
          ),
        ),
      ),
    )
    .returning({ id: notificationDeliveries.id });
  if (reclaimed.length > 0) return { state: "claimed" };
  const heartbeat = sql`coalesce(${notificationDeliveries.heartbeatAt}, ${notificationDeliveries.createdAt})`;
  const [row] = await db
    .select({
      status: notificationDeliveries.status,
      lapsesInMs: sql<number>`greatest(0, extract(epoch from (${heartbeat} - ${lapsedBefore})) * 1000)::float8`,
    })
    .from(notificationDeliveries)
    .where(deliveryWhere(key));
  return row?.status === "pending" ? { state: "busy", lapsesInMs: row.lapsesInMs } : { state: "done" };
}

/** Keeps a live worker's claim from lapsing while it is still sending. */
export async function renewDeliveryClaim(db: DbOrTx, key: DeliveryKey): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ heartbeatAt: sql`now()` })
    .where(and(deliveryWhere(key), eq(notificationDeliveries.status, "pending")));
}

export async function finishDelivery(
  db: DbOrTx,
  key: DeliveryKey,
  status: "sent" | "skipped" | "failed",
  detail: string | null = null,
): Promise<void> {
  await db
    .update(notificationDeliveries)
    .set({ status, detail: detail?.slice(0, 1000) ?? null })
    .where(deliveryWhere(key));
}

function deliveryValues(key: DeliveryKey) {
  return {
    dedupeKey: key.dedupeKey,
    userId: key.userId,
    channel: key.channel,
    broadcastId: key.broadcastId ?? null,
  };
}

function deliveryWhere(key: DeliveryKey) {
  return and(
    eq(notificationDeliveries.dedupeKey, key.dedupeKey),
    eq(notificationDeliveries.channel, key.channel),
  );
}

export async function upsertPushToken(
  db: DbOrTx,
  userId: string,
  data: RegisterPushTokenData,
): Promise<void> {
  // A device that changes hands moves to its new owner.
  await db
    .insert(pushTokens)
    .values({ token: data.token, userId, platform: data.platform })
    .onConflictDoUpdate({
      target: pushTokens.token,
      set: { userId, platform: data.platform, createdAt: new Date() },
    });
}

export async function deletePushToken(db: DbOrTx, userId: string, token: string): Promise<boolean> {
  const rows = await db
    .delete(pushTokens)
    .where(and(eq(pushTokens.token, token), eq(pushTokens.userId, userId)))
    .returning({ token: pushTokens.token });
  return rows.length > 0;
}

export async function listPushTokens(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ token: pushTokens.token })
    .from(pushTokens)
    .where(eq(pushTokens.userId, userId));
  return rows.map((row) => row.token);
}

/** Forgets tokens Expo says no longer reach a device. */
export async function deletePushTokens(db: DbOrTx, tokens: string[]): Promise<void> {
  if (tokens.length === 0) return;
  await db.delete(pushTokens).where(sql`${pushTokens.token} in ${tokens}`);
}

export async function listDevMail(
  db: DbOrTx,
  query: { page: number; limit: number; to?: string | undefined },
): Promise<Page<DevMail>> {
  const where = query.to ? eq(devMailbox.to, query.to) : undefined;
  const [rows, [totals]] = await Promise.all([
    db
      .select()
      .from(devMailbox)
      .where(where)
      .orderBy(desc(devMailbox.createdAt), desc(devMailbox.id))
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    db.select({ total: count() }).from(devMailbox).where(where),
  ]);
  return { items: rows.map(toDevMail), total: totals?.total ?? 0 };
}

/** Forgets dev-mailbox messages kept before `cutoff`; answers how many. */
export async function deleteDevMailBefore(db: DbOrTx, cutoff: Date): Promise<number> {
  const deleted = await db
    .delete(devMailbox)
    .where(lt(devMailbox.createdAt, cutoff))
    .returning({ id: devMailbox.id });
  return deleted.length;
}

/** Notifications (and their delivery records) older than `cutoff`: the retention rule. */
export async function deleteNotificationsBefore(
  db: DbOrTx,
  cutoff: Date,
): Promise<{ notifications: number; deliveries: number }> {
  const gone = await db
    .delete(notifications)
    .where(lt(notifications.createdAt, cutoff))
    .returning({ id: notifications.id });
  const deliveries = await db
    .delete(notificationDeliveries)
    .where(lt(notificationDeliveries.createdAt, cutoff))
    .returning({ id: notificationDeliveries.id });
  return { notifications: gone.length, deliveries: deliveries.length };
}
