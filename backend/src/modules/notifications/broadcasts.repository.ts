import type { NotificationChannel } from "@referral-app/shared/constants";
import type {
  Broadcast,
  BroadcastAudience,
  BroadcastDeliveries,
  BroadcastType,
} from "@referral-app/shared/schemas/broadcasts";
import { and, asc, desc, eq, gt, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { broadcasts, cases, notificationDeliveries, users } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, olderThan, pageOf } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";

type BroadcastRow = typeof broadcasts.$inferSelect;

export async function insertBroadcast(
  db: DbOrTx,
  values: {
    type: BroadcastType;
    title: string;
    body: string;
    audience: BroadcastAudience;
    createdBy: string;
    recipientCount: number;
  },
): Promise<BroadcastRow> {
  const [row] = await db.insert(broadcasts).values(values).returning();
  return row!;
}

export async function findBroadcastRow(db: DbOrTx, id: string): Promise<BroadcastRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(broadcasts).where(eq(broadcasts.id, id));
  return row ?? null;
}

export async function setRecipientCount(db: DbOrTx, id: string, count: number): Promise<void> {
  await db.update(broadcasts).set({ recipientCount: count }).where(eq(broadcasts.id, id));
}

function audienceWhere(audience: BroadcastAudience): SQL {
  const conditions: SQL[] = [
    audience.role ? eq(users.role, audience.role) : inArray(users.role, ["client", "partner"]),
  ];
  if (audience.country) conditions.push(eq(users.country, audience.country));
  if (audience.stage) {
    conditions.push(
      sql`exists (select 1 from ${cases} where ${cases.clientId} = ${users.id} and ${cases.outcome} is null and ${cases.currentStage} = ${audience.stage})`,
    );
  }
  return and(...conditions) as SQL;
}

export async function countAudience(db: DbOrTx, audience: BroadcastAudience): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(audienceWhere(audience));
  return Number(row?.count ?? 0);
}

/** One batch of recipients in id order, after `afterId` (the fan-out job walks them all). */
export async function audienceBatch(
  db: DbOrTx,
  audience: BroadcastAudience,
  afterId: string | null,
  limit: number,
): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(afterId ? and(audienceWhere(audience), gt(users.id, afterId)) : audienceWhere(audience))
    .orderBy(asc(users.id))
    .limit(limit);
  return rows.map((row) => row.id);
}

const emptyCounts = () => ({ pending: 0, sent: 0, skipped: 0, failed: 0 });

/** notification_deliveries of these broadcasts per channel and status, and recipients processed. */
async function deliveryCounts(
  db: DbOrTx,
  ids: string[],
): Promise<Map<string, { deliveries: BroadcastDeliveries; processed: number }>> {
  const result = new Map<string, { deliveries: BroadcastDeliveries; processed: number }>();
  for (const id of ids) {
    result.set(id, {
      deliveries: { inApp: emptyCounts(), email: emptyCounts(), push: emptyCounts() },
      processed: 0,
    });
  }
  if (ids.length === 0) return result;
  const rows = await db
    .select({
      broadcastId: notificationDeliveries.broadcastId,
      channel: notificationDeliveries.channel,
      status: notificationDeliveries.status,
      count: sql<number>`count(*)::int`,
    })
    .from(notificationDeliveries)
    .where(inArray(notificationDeliveries.broadcastId, ids))
    .groupBy(
      notificationDeliveries.broadcastId,
      notificationDeliveries.channel,
      notificationDeliveries.status,
    );
  for (const row of rows) {
    const entry = result.get(row.broadcastId ?? "");
    const channel = entry?.deliveries[row.channel as NotificationChannel];
    if (channel && row.status in channel) channel[row.status as keyof typeof channel] += Number(row.count);
  }
  // Every delivery job writes exactly one push row (sent or skipped), so push rows count recipients done.
  for (const entry of result.values()) {
    const push = entry.deliveries.push;
    entry.processed = push.pending + push.sent + push.skipped + push.failed;
  }
  return result;
}

function toBroadcast(
  row: BroadcastRow,
  createdByName: string | null,
  counts: { deliveries: BroadcastDeliveries; processed: number },
): Broadcast {
  return {
    id: row.id,
    type: row.type,
    title: row.title,
    body: row.body,
    audience: row.audience as BroadcastAudience,
    createdBy: row.createdBy,
    createdByName,
    recipientCount: row.recipientCount,
    processedCount: counts.processed,
    deliveries: counts.deliveries,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listBroadcasts(
  db: DbOrTx,
  filter: { cursor?: Cursor | undefined; limit: number },
): Promise<{ items: Broadcast[]; nextCursor: string | null }> {
  const rows = await db
    .select({ broadcast: broadcasts, createdByName: users.name, cursorAt: cursorTime(broadcasts.createdAt) })
    .from(broadcasts)
    .leftJoin(users, eq(users.id, broadcasts.createdBy))
    .where(filter.cursor ? olderThan(broadcasts.createdAt, broadcasts.id, filter.cursor) : undefined)
    .orderBy(desc(broadcasts.createdAt), desc(broadcasts.id))
    .limit(filter.limit + 1);
  const page = pageOf(rows, filter.limit, (row) => ({ t: row.cursorAt, id: row.broadcast.id }));
  const counts = await deliveryCounts(
    db,
    page.items.map((row) => row.broadcast.id),
  );
  return {
    items: page.items.map((row) =>
      toBroadcast(row.broadcast, row.createdByName, counts.get(row.broadcast.id)!),
    ),
    nextCursor: page.nextCursor,
  };
}

export async function findBroadcast(db: DbOrTx, id: string): Promise<Broadcast | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ broadcast: broadcasts, createdByName: users.name })
    .from(broadcasts)
    .leftJoin(users, eq(users.id, broadcasts.createdBy))
    .where(eq(broadcasts.id, id));
  if (!row) return null;
  const counts = await deliveryCounts(db, [id]);
  return toBroadcast(row.broadcast, row.createdByName, counts.get(id)!);
}
