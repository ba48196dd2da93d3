import type {
  CaseOutcomeId,
  ReferralReviewReason,
  ReferralReviewState,
  ReferrerVisibilityLevel,
  VisaStageId,
} from "@referral-app/shared/constants";
import { and, eq, sql } from "drizzle-orm";
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
 * to (else the friend's latest), and its latest review (an open one first). One statement per page.
 */
export async function findFriendViews(db: DbOrTx, referralIds: string[]): Promise<Map<string, FriendView>> {
  if (referralIds.length === 0) return new Map();
  const ids = sql.join(
    referralIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const result = await db.execute(sql`
    select r.id as "referralId", v.level, g.level as "grantLevel", c.current_stage as stage, c.outcome,
      rv.state as "reviewState", rv.reason as "reviewReason", rv.resolution_reason as "resolutionReason"
    from referrals r
    left join referrer_visibility v on v.user_id = r.referred_user_id
    left join partner_visibility_grants g
      on g.user_id = r.referred_user_id and g.partner_organization_id = r.partner_organization_id
    left join lateral (
      select current_stage, outcome from cases
      where r.referred_user_id is not null and (id = r.case_id or client_id = r.referred_user_id)
      order by (id = r.case_id) desc nulls last, created_at desc limit 1
    ) c on true
    left join lateral (
      select state, reason, resolution_reason from referral_reviews
      where referral_id = r.id order by (state = 'open') desc, created_at desc limit 1
    ) rv on true
    where r.id in (${ids})`);
  const rows = (result as unknown as { rows: FriendView[] }).rows;
  return new Map(rows.map((row) => [row.referralId, row]));
}
