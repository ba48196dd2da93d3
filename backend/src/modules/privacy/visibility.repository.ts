import type {
  CaseOutcomeId,
  ReferralReviewReason,
  ReferralReviewState,
  ReferrerVisibilityLevel,
  VisaStageId,
} from "@referral-app/shared/constants";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  partnerOrganizations,
  partnerVisibilityGrants,
  referrals,
  referrerVisibility,
} from "../../db/schema/index.ts";

export interface VisibilityRow {
  level: ReferrerVisibilityLevel | null;
  updatedAt: Date | null;
}

export async function findVisibility(db: DbOrTx, userId: string): Promise<VisibilityRow> {
  const [row] = await db
    .select({ level: referrerVisibility.level, updatedAt: referrerVisibility.updatedAt })
    .from(referrerVisibility)
    .where(eq(referrerVisibility.userId, userId));
  return row ?? { level: null, updatedAt: null };
}

export async function saveVisibility(db: DbOrTx, userId: string, level: ReferrerVisibilityLevel) {
  const now = new Date();
  await db
    .insert(referrerVisibility)
    .values({ userId, level, updatedAt: now })
    .onConflictDoUpdate({ target: referrerVisibility.userId, set: { level, updatedAt: now } });
}

export function listPartnerGrants(db: DbOrTx, userId: string) {
  return db
    .select({
      organizationId: partnerVisibilityGrants.partnerOrganizationId,
      organizationName: partnerOrganizations.name,
      level: partnerVisibilityGrants.level,
    })
    .from(partnerVisibilityGrants)
    .innerJoin(
      partnerOrganizations,
      eq(partnerOrganizations.id, partnerVisibilityGrants.partnerOrganizationId),
    )
    .where(eq(partnerVisibilityGrants.userId, userId))
    .orderBy(partnerOrganizations.name);
}

/** Replaces the grants with `grants`, keeping only organisations that referred this person. */
export async function replacePartnerGrants(
  db: DbOrTx,
  userId: string,
  grants: { organizationId: string; level: ReferrerVisibilityLevel }[],
): Promise<void> {
  await db.delete(partnerVisibilityGrants).where(eq(partnerVisibilityGrants.userId, userId));
  if (grants.length === 0) return;
  await db
    .insert(partnerVisibilityGrants)
    .values(
      grants.map((grant) => ({ userId, partnerOrganizationId: grant.organizationId, level: grant.level })),
    );
}

/** The partner organisations whose referrals led to this person (the only ones a grant can name). */
export async function referringOrganizations(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: referrals.partnerOrganizationId })
    .from(referrals)
    .where(and(eq(referrals.referredUserId, userId), sql`${referrals.partnerOrganizationId} is not null`));
  return rows.map((row) => row.id!);
}

export async function wasReferred(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(eq(referrals.referredUserId, userId))
    .limit(1);
  return row !== undefined;
}

/** Who referred this person (for the progress notifications). */
export function referralsOfFriend(db: DbOrTx, friendId: string) {
  return db
    .select({
      id: referrals.id,
      referrerId: referrals.referrerId,
      fullName: referrals.fullName,
      partnerOrganizationId: referrals.partnerOrganizationId,
    })
    .from(referrals)
    .where(eq(referrals.referredUserId, friendId));
}

export interface FriendView {
  referralId: string;
  level: ReferrerVisibilityLevel | null;
  grantLevel: ReferrerVisibilityLevel | null;
  stage: VisaStageId | null;
  outcome: CaseOutcomeId | null;
  reviewState: ReferralReviewState | null;
  reviewReason: ReferralReviewReason | null;
  resolutionReason: string | null;
}

/**
 * For each referral: the friend's level (and the grant for the referral's partner), the case it led
 * to (else the friend's latest), and its latest review (an open one first), as columns of a select
 * over `referrals`. A referrer's page selects them in its own statement; findFriendViews for others.
 */
export const friendViewColumns = {
  // Written out as `referrals.<column>`: drizzle leaves a column unqualified in a select without
  // joins, and inside these subqueries "id" or "partner_organization_id" would be the inner table's.
  level: sql<ReferrerVisibilityLevel | null>`(
    select v.level from referrer_visibility v where v.user_id = referrals.referred_user_id)`,
  grantLevel: sql<ReferrerVisibilityLevel | null>`(
    select g.level from partner_visibility_grants g
    where g.user_id = referrals.referred_user_id
      and g.partner_organization_id = referrals.partner_organization_id)`,
  friendCase: sql<{ stage: VisaStageId; outcome: CaseOutcomeId | null } | null>`(
    select json_build_object('stage', c.current_stage, 'outcome', c.outcome) from cases c
    where referrals.referred_user_id is not null
      and (c.id = referrals.case_id or c.client_id = referrals.referred_user_id)
    order by (c.id = referrals.case_id) desc nulls last, c.created_at desc limit 1)`,
  review: sql<{
    state: ReferralReviewState;
    reason: ReferralReviewReason;
    resolutionReason: string | null;
  } | null>`(
    select json_build_object('state', rv.state, 'reason', rv.reason, 'resolutionReason', rv.resolution_reason)
    from referral_reviews rv where rv.referral_id = referrals.id
    order by (rv.state = 'open') desc, rv.created_at desc limit 1)`,
};

export type FriendViewColumns = {
  [Name in keyof typeof friendViewColumns]: (typeof friendViewColumns)[Name]["_"]["type"];
};

export function toFriendView(referralId: string, row: FriendViewColumns): FriendView {
  return {
    referralId,
    level: row.level,
    grantLevel: row.grantLevel,
    stage: row.friendCase?.stage ?? null,
    outcome: row.friendCase?.outcome ?? null,
    reviewState: row.review?.state ?? null,
    reviewReason: row.review?.reason ?? null,
    resolutionReason: row.review?.resolutionReason ?? null,
  };
}

export async function findFriendViews(db: DbOrTx, referralIds: string[]): Promise<Map<string, FriendView>> {
  if (referralIds.length === 0) return new Map();
  const rows = await db
    .select({ referralId: referrals.id, ...friendViewColumns })
    .from(referrals)
    .where(inArray(referrals.id, referralIds));
  return new Map(rows.map((row) => [row.referralId, toFriendView(row.referralId, row)]));
}
