import type { ReferralReviewReason, ReferralReviewState } from "@referral-app/shared/constants";
import type {
  ReferralReview,
  ReferralReviewListQuery,
  ResolveReferralReviewData,
} from "@referral-app/shared/schemas/privacy";
import type { AppContext } from "../../context.ts";
import type { DbOrTx, Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { isDisposableEmail } from "../../lib/disposable-email.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { readSettings } from "../settings/settings.service.ts";
import {
  countReferralsSince,
  findEarlierReferralOfPerson,
  findReferrerPhone,
  findReview,
  insertReview,
  isDependantOfReferrer,
  isReferralHeld,
  listReviews,
  type NewReferralFacts,
  referralFullName,
  resolveReviewRow,
} from "./referral-reviews.repository.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const digitsOf = (phone: string | null) => phone?.replace(/\D/g, "") ?? "";

/**
 * The fraud rules for a new referral, family-aware: each rule that fires puts it in the staff queue
 * with its reason (never a silent rejection). A declared family relationship, or a dependant of that
 * name on the referrer's case, exempts the household signal (a shared phone). Runs in the referral's
 * transaction; answers the reasons found.
 */
export async function screenNewReferral(
  ctx: AppContext,
  tx: Tx,
  referral: NewReferralFacts & { source: string },
): Promise<ReferralReviewReason[]> {
  const reasons: ReferralReviewReason[] = [];
  const household =
    referral.relationship === "family" ||
    (await isDependantOfReferrer(tx, referral.referrerId, referral.fullName));

  // One person referred by two referrers: the first valid referral wins, this one is told.
  const earlier = await findEarlierReferralOfPerson(tx, referral, household);
  if (earlier) {
    const mixed = (earlier.source === "partner") !== (referral.source === "partner");
    const reason: ReferralReviewReason = mixed ? "partner_client_conflict" : "already_referred";
    await insertReview(tx, { referralId: referral.id, reason, conflictingReferralId: earlier.id });
    reasons.push(reason);
  }

  const ownPhone = digitsOf(await findReferrerPhone(tx, referral.referrerId));
  if (ownPhone && digitsOf(referral.phone) === ownPhone && !household) {
    await insertReview(tx, { referralId: referral.id, reason: "self_referral_phone" });
    reasons.push("self_referral_phone");
  }

  if (isDisposableEmail(referral.email)) {
    await insertReview(tx, {
      referralId: referral.id,
      reason: "disposable_email",
      details: { domain: referral.email.split("@").pop() },
    });
    reasons.push("disposable_email");
  }

  const { maxReferralsPerDay } = await readSettings(tx);
  const today = await countReferralsSince(tx, referral.referrerId, new Date(Date.now() - DAY_MS));
  if (today > maxReferralsPerDay) {
    await insertReview(tx, {
      referralId: referral.id,
      reason: "daily_limit",
      details: { inLast24Hours: today, limit: maxReferralsPerDay },
    });
    reasons.push("daily_limit");
  }

  if (reasons.length > 0) {
    await enqueueNotification(ctx, tx, {
      userId: referral.referrerId,
      type: "referral",
      title: "Your referral is being reviewed",
      body: `Our staff will review your referral of ${referral.fullName} and let you know.`,
      message: { key: "referral.review_opened", params: { name: referral.fullName, reason: reasons[0]! } },
      data: { kind: "referral", referralId: referral.id, review: reasons[0] },
      dedupeKey: `referral-review-opened:${referral.id}`,
    });
  }
  return reasons;
}

/** Whether a reward for this referral must wait (the rewards ledger asks before approving or paying). */
export function isRewardHeld(db: DbOrTx, referralId: string): Promise<boolean> {
  return isReferralHeld(db, referralId);
}

export function listReferralReviews(
  ctx: AppContext,
  query: Pick<ReferralReviewListQuery, "reason"> & {
    state: ReferralReviewState;
    page: number;
    limit: number;
  },
) {
  return listReviews(ctx.db, query);
}

/**
 * Staff decide a review: valid, or invalid with a reason. Audited; both parties of a collision are
 * told about their own referral only, in their own language, never who the other referrer was.
 */
export async function resolveReferralReview(
  ctx: AppContext,
  actor: Actor,
  reviewId: string,
  data: ResolveReferralReviewData,
): Promise<ReferralReview> {
  await ctx.db.transaction(async (tx) => {
    const review = await findReview(tx, reviewId, true);
    if (!review) throw notFound("Review");
    if (review.state !== "open") {
      throw new DomainError("INVALID_TRANSITION", "This review is already resolved", { state: review.state });
    }
    const reason = data.reason?.trim() || null;
    await resolveReviewRow(tx, review.id, {
      state: data.decision,
      resolutionReason: reason,
      resolvedBy: actor.id,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: `referral_review.${data.decision}`,
      entityType: "referral",
      entityId: review.referral.referralId,
      before: { state: "open", reason: review.reason },
      after: { state: data.decision, resolutionReason: reason, reviewId: review.id },
    });
    const key: { key: string; params: Record<string, string> } =
      data.decision === "valid"
        ? { key: "referral.review_valid", params: { name: review.referral.fullName } }
        : {
            key: "referral.review_invalid",
            params: { name: review.referral.fullName, reason: reason ?? "" },
          };
    await enqueueNotification(ctx, tx, {
      userId: review.referral.referrerId,
      type: "referral",
      title: data.decision === "valid" ? "Referral confirmed" : "Referral not accepted",
      body:
        data.decision === "valid"
          ? `We checked your referral of ${review.referral.fullName}: it counts.`
          : `We checked your referral of ${review.referral.fullName} and cannot accept it: ${reason}`,
      message: key,
      data: { kind: "referral", referralId: review.referral.referralId },
      dedupeKey: `referral-review:${review.id}:${review.referral.referrerId}`,
    });
    const first = review.conflictingReferral;
    if (first) {
      // The first referrer's referral stands either way: they hear it is confirmed, not why it was checked.
      await enqueueNotification(ctx, tx, {
        userId: first.referrerId,
        type: "referral",
        title: "Referral confirmed",
        body: "We checked one of your referrals: it counts.",
        message: {
          key: "referral.review_valid",
          params: { name: await referralFullName(tx, first.referralId) },
        },
        data: { kind: "referral", referralId: first.referralId },
        dedupeKey: `referral-review:${review.id}:${first.referrerId}`,
      });
    }
  });
  const resolved = await findReview(ctx.db, reviewId);
  return resolved!;
}
