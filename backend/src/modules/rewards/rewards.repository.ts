import type { RewardStatus, VisaStageId } from "@referral-app/shared/constants";
import type { Money } from "@referral-app/shared/schemas/common";
import type { PartnerCommission as CommissionEntry } from "@referral-app/shared/schemas/partners";
import type { RewardEntry, RewardKind, RewardStatusTotal } from "@referral-app/shared/schemas/rewards";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { partnerOrganizations, referrals, rewardLedger, users } from "../../db/schema/index.ts";
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

export interface LedgerCredit extends Money {
  vestStage?: VisaStageId | null;
  vestedAt?: Date | null;
  userId: string;
  referralId: string;
  kind: "referral_reward" | "partner_commission";
  availableAt: Date;
  reason: string;
  partnerOrganizationId?: string | null;
}

/**
 * Credits a pending ledger entry once per referral, kind and vesting part (unique index):
 * true when this call created it, false when it already existed.
 */
export async function creditLedger(db: DbOrTx, credit: LedgerCredit): Promise<boolean> {
  const rows = await db
    .insert(rewardLedger)
    .values({
      ...credit,
      status: "pending",
      partnerOrganizationId: credit.partnerOrganizationId ?? null,
      vestStage: credit.vestStage ?? null,
      vestedAt: credit.vestedAt === undefined ? new Date() : credit.vestedAt,
    })
    .onConflictDoNothing()
    .returning({ id: rewardLedger.id });
  return rows.length > 0;
}

export type PartnerCommission =
  | { type: "fixed"; amountMinor: number; currency: string }
  | { type: "rate"; rateBps: number };

export async function findPartnerCommission(
  db: DbOrTx,
  organizationId: string,
): Promise<PartnerCommission | null> {
  const [row] = await db
    .select()
    .from(partnerOrganizations)
    .where(eq(partnerOrganizations.id, organizationId));
  if (!row) return null;
  return row.commissionType === "rate"
    ? { type: "rate", rateBps: row.commissionRateBps ?? 0 }
    : { type: "fixed", amountMinor: row.commissionAmountMinor ?? 0, currency: row.commissionCurrency };
}

const orgCommissions = (organizationId: string) =>
  and(
    eq(rewardLedger.partnerOrganizationId, organizationId),
    eq(rewardLedger.kind, "partner_commission"),
  ) as SQL;

export async function listCommissions(
  db: DbOrTx,
  organizationId: string,
  filter: { status?: RewardStatus | undefined; cursor?: Cursor | undefined; limit: number },
): Promise<{ items: CommissionEntry[]; nextCursor: string | null }> {
  const conditions: SQL[] = [orgCommissions(organizationId)];
  if (filter.status) conditions.push(eq(rewardLedger.status, filter.status));
  if (filter.cursor) conditions.push(olderThan(rewardLedger.createdAt, rewardLedger.id, filter.cursor));
  const rows = await db
    .select({
      ledger: rewardLedger,
      referralName: referrals.fullName,
      referralEmail: referrals.email,
      cursorAt: cursorTime(rewardLedger.createdAt),
    })
    .from(rewardLedger)
    .innerJoin(referrals, eq(referrals.id, rewardLedger.referralId))
    .where(and(...conditions))
    .orderBy(desc(rewardLedger.createdAt), desc(rewardLedger.id))
    .limit(filter.limit + 1);
  const page = pageOf(rows, filter.limit, (row) => ({ t: row.cursorAt, id: row.ledger.id }));
  return {
    items: page.items.map(({ ledger, referralName, referralEmail }) => ({
      id: ledger.id,
      referralId: ledger.referralId,
      referralName,
      referralEmail,
      amountMinor: ledger.amountMinor,
      currency: ledger.currency,
      status: ledger.status,
      availableAt: ledger.availableAt.toISOString(),
      reason: ledger.reason,
      createdAt: ledger.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
