import type { ReferralReviewReason, ReferralReviewState } from "@referral-app/shared/constants";
import type { ReferralReview } from "@referral-app/shared/schemas/privacy";
import { and, count, desc, eq, gte, ne, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import { caseApplicants, cases, referralReviews, referrals, users } from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";

const digits = (column: SQL | typeof referrals.phone) => sql`regexp_replace(${column}, '[^0-9]', '', 'g')`;
const notInvalid = sql`not exists (select 1 from referral_reviews rr where rr.referral_id = ${referrals.id} and rr.state = 'invalid')`;

export interface NewReferralFacts {
  id: string;
  referrerId: string;
  fullName: string;
  email: string;
  phone: string | null;
  dateOfBirth: string | null;
  relationship: string | null;
}

/**
 * The earliest other referrer's referral of the same person: the same e-mail, the same name and date
 * of birth, or the same phone, unless `phoneIsHousehold` (a declared family member shares the
 * household's phone, so the phone alone does not make them the same person).
 */
export async function findEarlierReferralOfPerson(
  db: DbOrTx,
  referral: NewReferralFacts,
  phoneIsHousehold: boolean,
): Promise<{ id: string; source: string; referrerId: string } | null> {
  const samePerson: SQL[] = [sql`lower(${referrals.email}) = lower(${referral.email})`];
  if (referral.dateOfBirth) {
    samePerson.push(
      and(
        sql`lower(${referrals.fullName}) = lower(${referral.fullName})`,
        eq(referrals.dateOfBirth, referral.dateOfBirth),
      )!,
    );
  }
  if (referral.phone && !phoneIsHousehold) {
    samePerson.push(sql`${digits(referrals.phone)} = ${referral.phone.replace(/\D/g, "")}`);
  }
  const [row] = await db
    .select({ id: referrals.id, source: referrals.source, referrerId: referrals.referrerId })
    .from(referrals)
    .where(
      and(
        ne(referrals.id, referral.id),
        ne(referrals.referrerId, referral.referrerId),
        or(...samePerson),
        notInvalid,
      ),
    )
    .orderBy(referrals.createdAt, referrals.id)
    .limit(1);
  return row ?? null;
}

export async function findReferrerPhone(db: DbOrTx, referrerId: string): Promise<string | null> {
  const [row] = await db.select({ phone: users.phone }).from(users).where(eq(users.id, referrerId));
  return row?.phone ?? null;
}

/** Whether `fullName` is a dependant on one of the referrer's cases (a declared relationship). */
export async function isDependantOfReferrer(
  db: DbOrTx,
  referrerId: string,
  fullName: string,
): Promise<boolean> {
  const [row] = await db
    .select({ id: caseApplicants.id })
    .from(caseApplicants)
    .innerJoin(cases, eq(cases.id, caseApplicants.caseId))
    .where(
      and(
        eq(cases.clientId, referrerId),
        eq(caseApplicants.kind, "dependant"),
        sql`lower(${caseApplicants.fullName}) = lower(${fullName})`,
      ),
    )
    .limit(1);
  return row !== undefined;
}

export async function countReferralsSince(db: DbOrTx, referrerId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(referrals)
    .where(and(eq(referrals.referrerId, referrerId), gte(referrals.createdAt, since)));
  return row?.n ?? 0;
}

export async function insertReview(
  db: DbOrTx,
  values: {
    referralId: string;
    reason: ReferralReviewReason;
    conflictingReferralId?: string | null;
    details?: Record<string, unknown>;
  },
): Promise<string | null> {
  const [row] = await db
    .insert(referralReviews)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: referralReviews.id });
  return row?.id ?? null;
}

/** A reward waits while its referral is in an open review (either side of a collision) or found invalid. */
export async function isReferralHeld(db: DbOrTx, referralId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: referralReviews.id })
    .from(referralReviews)
    .where(
      or(
        and(eq(referralReviews.referralId, referralId), ne(referralReviews.state, "valid")),
        and(eq(referralReviews.conflictingReferralId, referralId), eq(referralReviews.state, "open")),
      ),
    )
    .limit(1);
  return row !== undefined;
}

const later = alias(referrals, "later");
const earlier = alias(referrals, "earlier");
const laterReferrer = alias(users, "later_referrer");
const earlierReferrer = alias(users, "earlier_referrer");

type ReviewRow = {
  review: typeof referralReviews.$inferSelect;
  later: typeof referrals.$inferSelect;
  laterName: string;
  earlier: typeof referrals.$inferSelect | null;
  earlierName: string | null;
};

function toReview(row: ReviewRow): ReferralReview {
  const party = (referral: typeof referrals.$inferSelect, name: string) => ({
    referralId: referral.id,
    referrerId: referral.referrerId,
    referrerName: name,
    source: referral.source,
    createdAt: referral.createdAt.toISOString(),
  });
  return {
    id: row.review.id,
    reason: row.review.reason,
    state: row.review.state,
    referral: {
      ...party(row.later, row.laterName),
      fullName: row.later.fullName,
      email: row.later.email,
      phone: row.later.phone,
    },
    conflictingReferral: row.earlier ? party(row.earlier, row.earlierName ?? "") : null,
    details: row.review.details,
    resolutionReason: row.review.resolutionReason,
    resolvedBy: row.review.resolvedBy,
    resolvedAt: row.review.resolvedAt?.toISOString() ?? null,
    createdAt: row.review.createdAt.toISOString(),
  };
}

function reviewQuery(db: DbOrTx) {
  return db
    .select({
      review: referralReviews,
      later,
      laterName: laterReferrer.name,
      earlier,
      earlierName: earlierReferrer.name,
    })
    .from(referralReviews)
    .innerJoin(later, eq(later.id, referralReviews.referralId))
    .innerJoin(laterReferrer, eq(laterReferrer.id, later.referrerId))
    .leftJoin(earlier, eq(earlier.id, referralReviews.conflictingReferralId))
    .leftJoin(earlierReferrer, eq(earlierReferrer.id, earlier.referrerId));
}

export async function listReviews(
  db: DbOrTx,
  filter: {
    state: ReferralReviewState;
    reason?: ReferralReviewReason | undefined;
    page: number;
    limit: number;
  },
): Promise<{ items: ReferralReview[]; total: number }> {
  const where = and(
    eq(referralReviews.state, filter.state),
    filter.reason ? eq(referralReviews.reason, filter.reason) : undefined,
  );
  const [rows, [totals]] = await Promise.all([
    reviewQuery(db)
      .where(where)
      .orderBy(
        filter.state === "open" ? referralReviews.createdAt : desc(referralReviews.resolvedAt),
        referralReviews.id,
      )
      .limit(filter.limit)
      .offset((filter.page - 1) * filter.limit),
    db.select({ total: count() }).from(referralReviews).where(where),
  ]);
  return { items: rows.map(toReview), total: totals?.total ?? 0 };
}

export async function findReview(db: DbOrTx, id: string, forUpdate = false): Promise<ReferralReview | null> {
  if (!isUuid(id)) return null;
  const query = reviewQuery(db).where(eq(referralReviews.id, id));
  const [row] = forUpdate ? await query.for("update", { of: referralReviews }) : await query;
  return row ? toReview(row) : null;
}

export async function resolveReviewRow(
  db: DbOrTx,
  id: string,
  values: { state: "valid" | "invalid"; resolutionReason: string | null; resolvedBy: string },
): Promise<void> {
  await db
    .update(referralReviews)
    .set({ ...values, resolvedAt: new Date() })
    .where(and(eq(referralReviews.id, id), eq(referralReviews.state, "open")));
}

/** The open reviews of a referral (what its referrer is told about at creation). */
export function openReviewsOf(db: DbOrTx, referralId: string) {
  return db
    .select({ reason: referralReviews.reason })
    .from(referralReviews)
    .where(and(eq(referralReviews.referralId, referralId), eq(referralReviews.state, "open")));
}

export async function referralFullName(db: DbOrTx, referralId: string): Promise<string> {
  const [row] = await db
    .select({ fullName: referrals.fullName })
    .from(referrals)
    .where(eq(referrals.id, referralId));
  return row?.fullName ?? "";
}
