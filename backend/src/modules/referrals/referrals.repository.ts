import type { ReferralSource, ReferralStatus } from "@referral-app/shared/constants";
import type { Referral, ReferralReward, ReferralStatusChange } from "@referral-app/shared/schemas/referral";
import { and, asc, count, desc, eq, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import {
  analyticsEvents,
  referralStatusHistory,
  referrals,
  rewardLedger,
  users,
} from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";
import { type FriendView, friendViewColumns, toFriendView } from "../privacy/privacy.service.ts";

export type ReferralRow = typeof referrals.$inferSelect;

/** Still pending past its contact deadline: nobody has picked it up in time. */
export function isContactOverdue(row: { status: ReferralStatus; contactBy: Date }, now: Date): boolean {
  return row.status === "pending" && now.getTime() > row.contactBy.getTime();
}

/** The reward columns as selected (`rewardColumns`), dates still dates. */
export type RewardColumns = Omit<ReferralReward, "availableAt" | "updatedAt"> & {
  availableAt: Date;
  updatedAt: Date;
};

export function toReferral(row: ReferralRow, rewardRow: RewardColumns | null): Referral {
  const reward = rewardRow
    ? {
        ...rewardRow,
        availableAt: rewardRow.availableAt.toISOString(),
        updatedAt: rewardRow.updatedAt.toISOString(),
      }
    : null;
  return {
    id: row.id,
    referrerId: row.referrerId,
    fullName: row.fullName,
    email: row.email,
    phone: row.phone,
    country: row.country,
    relationship: row.relationship as Referral["relationship"],
    visaInterest: row.visaInterest as Referral["visaInterest"],
    notes: row.notes,
    status: row.status,
    source: row.source,
    partnerOrganizationId: row.partnerOrganizationId,
    referredUserId: row.referredUserId,
    reward,
    contactBy: row.contactBy.toISOString(),
    contactOverdue: isContactOverdue(row, new Date()),
    caseId: row.caseId,
    // Filled in by the service for its reader (privacy.service applyFriendVisibility).
    friend: null,
    review: null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The referrer's own reward for a referral (the partner commission is not part of it). */
export const rewardJoin = and(
  eq(rewardLedger.referralId, referrals.id),
  eq(rewardLedger.kind, "referral_reward"),
) as SQL;

export const rewardColumns = {
  amountMinor: rewardLedger.amountMinor,
  currency: rewardLedger.currency,
  status: rewardLedger.status,
  availableAt: rewardLedger.availableAt,
  updatedAt: rewardLedger.updatedAt,
};

// The list indexes are (…, created_at DESC, id DESC) with PostgreSQL's default NULLS FIRST, so a plain
// `ORDER BY created_at DESC, id DESC` walks them forward and the oldest-first order walks them backward.
export const NEWEST_FIRST = [desc(referrals.createdAt), desc(referrals.id)] as const;
export const OLDEST_FIRST = [asc(referrals.createdAt), asc(referrals.id)] as const;

export interface NewReferral {
  referrerId: string;
  fullName: string;
  email: string;
  phone?: string | null | undefined;
  country?: string | null | undefined;
  relationship?: string | null | undefined;
  dateOfBirth?: string | null | undefined;
  visaInterest?: string | null | undefined;
  notes?: string | null | undefined;
  consent?: string | null | undefined;
  source: ReferralSource;
  partnerOrganizationId: string | null;
  referredUserId?: string | null;
  createdAt: Date;
  contactBy: Date;
}

/**
 * Inserts a pending referral; null when the referrer already referred this email (any case):
 * the unique index on (referrer_id, lower(email)) decides, also between concurrent requests.
 */
export async function insertReferral(db: DbOrTx, values: NewReferral): Promise<Referral | null> {
  const [row] = await db
    .insert(referrals)
    .values({ ...values, status: "pending" })
    .onConflictDoNothing()
    .returning();
  return row ? toReferral(row, null) : null;
}

export async function insertStatusHistory(
  db: DbOrTx,
  entry: {
    referralId: string;
    fromStatus: ReferralStatus | null;
    toStatus: ReferralStatus;
    internalNote?: string | null;
    messageToReferrer?: string | null;
    changedBy: string | null;
    createdAt?: Date;
  },
): Promise<void> {
  await db.insert(referralStatusHistory).values(entry);
}

/**
 * A new referral's first history entry (null → pending) and its server analytics event, in one
 * statement (a data-modifying CTE): one round trip instead of two in the submit's transaction.
 */
export async function insertCreatedHistoryAndEvent(
  db: DbOrTx,
  entry: {
    referralId: string;
    changedBy: string | null;
    event: { name: string; userId: string; properties: Record<string, unknown> };
  },
): Promise<void> {
  await db.execute(sql`
    with history as (
      insert into ${referralStatusHistory} (referral_id, from_status, to_status, changed_by)
      values (${entry.referralId}, null, 'pending', ${entry.changedBy})
    )
    insert into ${analyticsEvents} (name, user_id, source, properties)
    values (${entry.event.name}, ${entry.event.userId}, 'server', ${JSON.stringify(entry.event.properties)}::jsonb)`);
}

export async function findReferralRow(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ReferralRow | null> {
  if (!isUuid(id)) return null;
  const query = db.select().from(referrals).where(eq(referrals.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function findReferral(db: DbOrTx, id: string): Promise<Referral | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ referral: referrals, reward: rewardColumns })
    .from(referrals)
    .leftJoin(rewardLedger, rewardJoin)
    .where(eq(referrals.id, id));
  return row ? toReferral(row.referral, row.reward) : null;
}

/** The referral's history; `staffView` adds the internal notes and who made each change. */
export async function findStatusHistory(
  db: DbOrTx,
  referralId: string,
  staffView: boolean,
): Promise<ReferralStatusChange[]> {
  const rows = await db
    .select()
    .from(referralStatusHistory)
    .where(eq(referralStatusHistory.referralId, referralId))
    .orderBy(asc(referralStatusHistory.createdAt), asc(referralStatusHistory.id));
  return rows.map((row) => ({
    id: row.id,
    fromStatus: row.fromStatus,
    toStatus: row.toStatus,
    messageToReferrer: row.messageToReferrer,
    ...(staffView ? { internalNote: row.internalNote, changedBy: row.changedBy } : {}),
    createdAt: row.createdAt.toISOString(),
  }));
}

export interface UserReferralsQuery {
  page: number;
  limit: number;
  status?: ReferralStatus | undefined;
}

type Param<T> = T | Placeholder;

interface UserReferralsParams {
  userId: Param<string>;
  status?: Param<ReferralStatus> | undefined;
}

const userReferralsWhere = ({ userId, status }: UserReferralsParams) =>
  status
    ? and(eq(referrals.referrerId, userId), eq(referrals.status, status))
    : eq(referrals.referrerId, userId);

/**
 * One page of a referrer's referrals, newest first: walks (referrer_id, created_at desc, id desc).
 * Each row carries the filter's total and what the friend lets the referrer see (`friendViewColumns`),
 * so a page costs one round trip. The total is a scalar
 * subquery (counted once, index-only over (referrer_id, status)), not a window count, which would
 * read every one of the referrer's rows: 3 ms instead of 0.6 ms for a partner with 6,000.
 */
export function userReferralsPageQuery(
  db: DbOrTx,
  params: UserReferralsParams & { limit: Param<number>; offset: Param<number> },
) {
  return db
    .select({
      referral: referrals,
      reward: rewardColumns,
      total: sql<number>`(${userReferralsCountQuery(db, params)})`.mapWith(Number),
      ...friendViewColumns,
    })
    .from(referrals)
    .leftJoin(rewardLedger, rewardJoin)
    .where(userReferralsWhere(params))
    .orderBy(...NEWEST_FIRST)
    .limit(params.limit)
    .offset(params.offset);
}

/** The total alone, for a page past the end (it has no rows to carry it): counted over (referrer_id, status). */
export function userReferralsCountQuery(db: DbOrTx, params: UserReferralsParams) {
  return db.select({ total: count() }).from(referrals).where(userReferralsWhere(params));
}

// Every client's referrals screen runs these: prepared once per connection, with and without a filter.
const placeholders = {
  userId: sql.placeholder("userId"),
  limit: sql.placeholder("limit"),
  offset: sql.placeholder("offset"),
};
const pageStatements = {
  all: prepared((db) => userReferralsPageQuery(db, placeholders).prepare("user_referrals_page")),
  byStatus: prepared((db) =>
    userReferralsPageQuery(db, { ...placeholders, status: sql.placeholder("status") }).prepare(
      "user_referrals_page_status",
    ),
  ),
};
const countStatements = {
  all: prepared((db) => userReferralsCountQuery(db, placeholders).prepare("user_referrals_count")),
  byStatus: prepared((db) =>
    userReferralsCountQuery(db, { ...placeholders, status: sql.placeholder("status") }).prepare(
      "user_referrals_count_status",
    ),
  ),
};

export async function listUserReferrals(
  db: DbOrTx,
  userId: string,
  query: UserReferralsQuery,
): Promise<{ items: Referral[]; total: number; views: Map<string, FriendView> }> {
  const variant = query.status ? "byStatus" : "all";
  const values = { userId, status: query.status, limit: query.limit, offset: (query.page - 1) * query.limit };
  const rows = await pageStatements[variant](db).execute(values);
  const total =
    rows[0]?.total ??
    (values.offset > 0 ? ((await countStatements[variant](db).execute(values))[0]?.total ?? 0) : 0);
  return {
    items: rows.map((row) => toReferral(row.referral, row.reward)),
    total,
    views: new Map(rows.map((row) => [row.referral.id, toFriendView(row.referral.id, row)])),
  };
}

export async function updateReferralStatus(
  db: DbOrTx,
  id: string,
  status: ReferralStatus,
  now: Date,
): Promise<void> {
  await db
    .update(referrals)
    .set({ status, updatedAt: now, ...(status === "converted" ? { convertedAt: now } : {}) })
    .where(eq(referrals.id, id));
}

/** The referral `referrerId` made for `email` (any case), locked for the caller's transaction. */
export async function findReferralByEmailForUpdate(
  db: DbOrTx,
  referrerId: string,
  email: string,
): Promise<ReferralRow | null> {
  const [row] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.referrerId, referrerId), sql`lower(${referrals.email}) = lower(${email})`))
    .for("update");
  return row ?? null;
}

/**
 * The oldest referral of `email` by anyone that no review found invalid (the first valid one wins),
 * locked for the sign-up's transaction.
 */
export async function findFirstValidReferralOfEmail(db: DbOrTx, email: string): Promise<ReferralRow | null> {
  const [row] = await db
    .select()
    .from(referrals)
    .where(
      and(
        sql`lower(${referrals.email}) = lower(${email})`,
        sql`not exists (select 1 from referral_reviews rr where rr.referral_id = ${referrals.id} and rr.state = 'invalid')`,
      ),
    )
    .orderBy(asc(referrals.createdAt), asc(referrals.id))
    .limit(1)
    .for("update");
  return row ?? null;
}

export async function setReferredUser(db: DbOrTx, id: string, userId: string): Promise<void> {
  await db
    .update(referrals)
    .set({ referredUserId: userId, updatedAt: new Date() })
    .where(eq(referrals.id, id));
}

export interface ReferrerAccount {
  id: string;
  name: string;
  email: string;
  role: (typeof users.$inferSelect)["role"];
  partnerOrganizationId: string | null;
}

const accountColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.role,
  partnerOrganizationId: users.partnerOrganizationId,
};

export async function findAccount(db: DbOrTx, userId: string): Promise<ReferrerAccount | null> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, userId));
  return row ?? null;
}

export async function findAccountByReferralCode(db: DbOrTx, code: string): Promise<ReferrerAccount | null> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.referralCode, code));
  return row ?? null;
}

/** A referrer's latest referrals, newest first (the staff view of a client). */
export async function listRecentReferrals(
  db: DbOrTx,
  referrerId: string,
  limit: number,
): Promise<Referral[]> {
  const rows = await db
    .select({ referral: referrals, reward: rewardColumns })
    .from(referrals)
    .leftJoin(rewardLedger, rewardJoin)
    .where(eq(referrals.referrerId, referrerId))
    .orderBy(...NEWEST_FIRST)
    .limit(limit);
  return rows.map((row) => toReferral(row.referral, row.reward));
}
