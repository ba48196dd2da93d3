import type { ReferralStatus } from "@referral-app/shared/constants";
import type { AdminReferral } from "@referral-app/shared/schemas/admin";
import { and, eq, gte, ilike, lt, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { referrals, rewardLedger, users } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, likePattern } from "../../lib/cursor.ts";
import {
  isContactOverdue,
  NEWEST_FIRST,
  OLDEST_FIRST,
  rewardColumns,
  rewardJoin,
  toReferral,
} from "./referrals.repository.ts";

export interface AdminReferralFilters {
  q?: string | undefined;
  status?: ReferralStatus | undefined;
  partnerOrganizationId?: string | undefined;
  referrerId?: string | undefined;
  /** Inclusive calendar days (UTC). */
  from?: string | undefined;
  to?: string | undefined;
  sort: "newest" | "oldest";
  cursor?: Cursor | undefined;
  limit: number;
}

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString();
}

function filtersWhere(filters: AdminReferralFilters): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filters.status) conditions.push(eq(referrals.status, filters.status));
  if (filters.partnerOrganizationId) {
    conditions.push(eq(referrals.partnerOrganizationId, filters.partnerOrganizationId));
  }
  if (filters.referrerId) conditions.push(eq(referrals.referrerId, filters.referrerId));
  if (filters.from) conditions.push(gte(referrals.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(referrals.createdAt, new Date(nextDay(filters.to))));
  if (filters.q) {
    const pattern = likePattern(filters.q);
    conditions.push(or(ilike(referrals.fullName, pattern), ilike(referrals.email, pattern)));
  }
  if (filters.cursor) {
    const { t, id } = filters.cursor;
    // Row comparison: an index range on (created_at, id), whichever direction the scan goes.
    conditions.push(
      filters.sort === "newest"
        ? sql`(${referrals.createdAt}, ${referrals.id}) < (${t}::timestamptz, ${id}::uuid)`
        : sql`(${referrals.createdAt}, ${referrals.id}) > (${t}::timestamptz, ${id}::uuid)`,
    );
  }
  return and(...conditions);
}

/**
 * Keyset page over the whole pipeline: one more row than asked tells whether there is a next page.
 * Every filter has an index led by its column and followed by (created_at, id).
 */
export function adminReferralsQuery(db: DbOrTx, filters: AdminReferralFilters) {
  return db
    .select({
      referral: referrals,
      reward: rewardColumns,
      referrerName: users.name,
      referrerEmail: users.email,
      cursorAt: cursorTime(referrals.createdAt),
    })
    .from(referrals)
    .innerJoin(users, eq(users.id, referrals.referrerId))
    .leftJoin(rewardLedger, rewardJoin)
    .where(filtersWhere(filters))
    .orderBy(...(filters.sort === "newest" ? NEWEST_FIRST : OLDEST_FIRST))
    .limit(filters.limit + 1);
}

export async function listAdminReferrals(
  db: DbOrTx,
  filters: AdminReferralFilters,
  now = new Date(),
): Promise<{ items: AdminReferral[]; next: Cursor | null }> {
  const rows = await adminReferralsQuery(db, filters);
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      ...toReferral(row.referral, row.reward),
      referrerName: row.referrerName,
      referrerEmail: row.referrerEmail,
      overdue: isContactOverdue(row.referral, now),
    })),
    next: rows.length > filters.limit && last ? { t: last.cursorAt, id: last.referral.id } : null,
  };
}
