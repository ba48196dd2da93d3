import type { ReferralStatus } from "@referral-app/shared/constants";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { and, count, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { referrals, rewardLedger } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, likePattern, olderThan, pageOf } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";
import { rewardColumns, toReferral } from "./referrals.repository.ts";

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
