import type { ReferralStatus, RewardStatus } from "@referral-app/shared/constants";
import type { PartnerCommission } from "@referral-app/shared/schemas/partners";
import type { Referral } from "@referral-app/shared/schemas/referral";
import type { RewardStatusTotal } from "@referral-app/shared/schemas/rewards";
import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { referrals, rewardLedger, users } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, likePattern, olderThan, pageOf } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";
import { rewardColumns, toReferral } from "../referrals/referrals.repository.ts";

// A partner's view of a referral's reward is the organisation's commission on it.
const commissionJoin = and(
  eq(rewardLedger.referralId, referrals.id),
  eq(rewardLedger.kind, "partner_commission"),
) as SQL;

export interface OrgReferralFilter {
  status?: ReferralStatus | undefined;
  q?: string | undefined;
}

function orgReferralsWhere(organizationId: string, filter: OrgReferralFilter, cursor?: Cursor): SQL {
  const conditions: SQL[] = [eq(referrals.partnerOrganizationId, organizationId)];
  if (filter.status) conditions.push(eq(referrals.status, filter.status));
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(or(ilike(referrals.fullName, pattern), ilike(referrals.email, pattern)) as SQL);
  }
  if (cursor) conditions.push(olderThan(referrals.createdAt, referrals.id, cursor));
  return and(...conditions) as SQL;
}

const referralSelection = {
  referral: referrals,
  reward: rewardColumns,
  cursorAt: cursorTime(referrals.createdAt),
};

/** The organisation's referrals newest first over (partner_organization_id, created_at, id). */
export async function listOrgReferralsByCursor(
  db: DbOrTx,
  organizationId: string,
  filter: OrgReferralFilter & { cursor?: Cursor | undefined; limit: number },
): Promise<{ items: Referral[]; nextCursor: string | null }> {
  const rows = await db
    .select(referralSelection)
    .from(referrals)
    .leftJoin(rewardLedger, commissionJoin)
    .where(orgReferralsWhere(organizationId, filter, filter.cursor))
    .orderBy(desc(referrals.createdAt), desc(referrals.id))
    .limit(filter.limit + 1);
  const page = pageOf(rows, filter.limit, (row) => ({ t: row.cursorAt, id: row.referral.id }));
  return {
    items: page.items.map((row) => toReferral(row.referral, row.reward)),
    nextCursor: page.nextCursor,
  };
}

export async function listOrgReferralsByPage(
  db: DbOrTx,
  organizationId: string,
  filter: OrgReferralFilter & { page: number; limit: number },
): Promise<{ items: Referral[]; total: number }> {
  const where = orgReferralsWhere(organizationId, filter);
  const [rows, [totals]] = await Promise.all([
    db
      .select(referralSelection)
      .from(referrals)
      .leftJoin(rewardLedger, commissionJoin)
      .where(where)
      .orderBy(desc(referrals.createdAt), desc(referrals.id))
      .limit(filter.limit)
      .offset((filter.page - 1) * filter.limit),
    db.select({ total: count() }).from(referrals).where(where),
  ]);
  return { items: rows.map((row) => toReferral(row.referral, row.reward)), total: totals?.total ?? 0 };
}

/** One of the organisation's referrals; another organisation's id finds nothing. */
export async function findOrgReferral(
  db: DbOrTx,
  organizationId: string,
  id: string,
): Promise<Referral | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(referralSelection)
    .from(referrals)
    .leftJoin(rewardLedger, commissionJoin)
    .where(and(eq(referrals.id, id), eq(referrals.partnerOrganizationId, organizationId)));
  return row ? toReferral(row.referral, row.reward) : null;
}

export async function countOrgReferralsByStatus(
  db: DbOrTx,
  organizationId: string,
): Promise<Record<ReferralStatus, number>> {
  const rows = await db
    .select({ status: referrals.status, count: sql<number>`count(*)::int` })
    .from(referrals)
    .where(eq(referrals.partnerOrganizationId, organizationId))
    .groupBy(referrals.status);
  const counts: Record<ReferralStatus, number> = {
    pending: 0,
    contacted: 0,
    qualified: 0,
    converted: 0,
    rejected: 0,
  };
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

const orgCommissions = (organizationId: string) =>
  and(
    eq(rewardLedger.partnerOrganizationId, organizationId),
    eq(rewardLedger.kind, "partner_commission"),
  ) as SQL;

export async function commissionTotals(db: DbOrTx, organizationId: string): Promise<RewardStatusTotal[]> {
  const rows = await db
    .select({
      currency: rewardLedger.currency,
      status: rewardLedger.status,
      count: sql<number>`count(*)::int`,
      amountMinor: sql<number>`coalesce(sum(${rewardLedger.amountMinor}), 0)::bigint`,
    })
    .from(rewardLedger)
    .where(orgCommissions(organizationId))
    .groupBy(rewardLedger.currency, rewardLedger.status)
    .orderBy(rewardLedger.currency, rewardLedger.status);
  return rows.map((row) => ({ ...row, count: Number(row.count), amountMinor: Number(row.amountMinor) }));
}

export async function listCommissions(
  db: DbOrTx,
  organizationId: string,
  filter: { status?: RewardStatus | undefined; cursor?: Cursor | undefined; limit: number },
): Promise<{ items: PartnerCommission[]; nextCursor: string | null }> {
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

/** The caller's organisation as stored now (sessions do not carry it, and staff can reassign it). */
export async function findUserOrganizationId(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ organizationId: users.partnerOrganizationId })
    .from(users)
    .where(eq(users.id, userId));
  return row?.organizationId ?? null;
}
