import type { RewardStatus } from "@referral-app/shared/constants";
import type { RewardEntry, RewardKind, RewardStatusTotal } from "@referral-app/shared/schemas/rewards";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { referrals, rewardLedger, users } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, olderThan, pageOf } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";

export type RewardRow = typeof rewardLedger.$inferSelect;

export interface RewardFilter {
  status?: RewardStatus | undefined;
  kind?: RewardKind | undefined;
  userId?: string | undefined;
  partnerOrganizationId?: string | undefined;
}

function filterConditions(filter: RewardFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(rewardLedger.status, filter.status));
  if (filter.kind) conditions.push(eq(rewardLedger.kind, filter.kind));
  if (filter.userId) conditions.push(eq(rewardLedger.userId, filter.userId));
  if (filter.partnerOrganizationId) {
    conditions.push(
      isUuid(filter.partnerOrganizationId)
        ? eq(rewardLedger.partnerOrganizationId, filter.partnerOrganizationId)
        : sql`false`,
    );
  }
  return conditions;
}

const entryColumns = {
  reward: rewardLedger,
  userName: users.name,
  userEmail: users.email,
  referralName: referrals.fullName,
  cursorAt: cursorTime(rewardLedger.createdAt),
};

function toRewardEntry(row: {
  reward: RewardRow;
  userName: string;
  userEmail: string;
  referralName: string;
}) {
  const { reward } = row;
  return {
    id: reward.id,
    userId: reward.userId,
    userName: row.userName,
    userEmail: row.userEmail,
    referralId: reward.referralId,
    referralName: row.referralName,
    kind: reward.kind,
    amountMinor: reward.amountMinor,
    currency: reward.currency,
    status: reward.status,
    availableAt: reward.availableAt.toISOString(),
    reason: reward.reason,
    partnerOrganizationId: reward.partnerOrganizationId,
    createdAt: reward.createdAt.toISOString(),
    updatedAt: reward.updatedAt.toISOString(),
  } satisfies RewardEntry;
}

/** The ledger newest first, keyset-paged on (created_at, id). */
export async function listRewards(
  db: DbOrTx,
  filter: RewardFilter & { cursor?: Cursor | undefined; limit: number },
): Promise<{ items: RewardEntry[]; nextCursor: string | null }> {
  const conditions = filterConditions(filter);
  if (filter.cursor) conditions.push(olderThan(rewardLedger.createdAt, rewardLedger.id, filter.cursor));
  const rows = await db
    .select(entryColumns)
    .from(rewardLedger)
    .innerJoin(users, eq(users.id, rewardLedger.userId))
    .innerJoin(referrals, eq(referrals.id, rewardLedger.referralId))
    .where(and(...conditions))
    .orderBy(desc(rewardLedger.createdAt), desc(rewardLedger.id))
    .limit(filter.limit + 1);
  const page = pageOf(rows, filter.limit, (row) => ({ t: row.cursorAt, id: row.reward.id }));
  return { items: page.items.map(toRewardEntry), nextCursor: page.nextCursor };
}

export async function findRewardEntry(db: DbOrTx, id: string): Promise<RewardEntry | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(entryColumns)
    .from(rewardLedger)
    .innerJoin(users, eq(users.id, rewardLedger.userId))
    .innerJoin(referrals, eq(referrals.id, rewardLedger.referralId))
    .where(eq(rewardLedger.id, id));
  return row ? toRewardEntry(row) : null;
}

export async function findRewardForUpdate(db: DbOrTx, id: string): Promise<RewardRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(rewardLedger).where(eq(rewardLedger.id, id)).for("update");
  return row ?? null;
}

export async function setRewardStatus(
  db: DbOrTx,
  id: string,
  status: RewardStatus,
  reason: string | null,
): Promise<void> {
  await db
    .update(rewardLedger)
    .set({ status, updatedAt: new Date(), ...(reason !== null ? { reason } : {}) })
    .where(eq(rewardLedger.id, id));
}

/** Sums per currency and status (every status, reversed included, so the ledger adds up). */
export async function rewardTotals(db: DbOrTx, filter: RewardFilter): Promise<RewardStatusTotal[]> {
  const conditions = filterConditions(filter);
  const rows = await db
    .select({
      currency: rewardLedger.currency,
      status: rewardLedger.status,
      count: sql<number>`count(*)::int`,
      amountMinor: sql<number>`coalesce(sum(${rewardLedger.amountMinor}), 0)::bigint`,
    })
    .from(rewardLedger)
    .where(conditions.length ? and(...conditions) : undefined)
    .groupBy(rewardLedger.currency, rewardLedger.status)
    .orderBy(rewardLedger.currency, rewardLedger.status);
  return rows.map((row) => ({ ...row, count: Number(row.count), amountMinor: Number(row.amountMinor) }));
}
