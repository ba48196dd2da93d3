import {
  canTransitionReferral,
  REFERRAL_STATUS_TRANSITIONS,
  type ReferralStatus,
} from "@referral-app/shared/constants";
import { formatCurrency } from "@referral-app/shared/formatting";
import type { Money } from "@referral-app/shared/schemas/common";
import type { ReferralDetail, UpdateReferralStatusData } from "@referral-app/shared/schemas/referral";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import type { RequestUser } from "../../plugins/authenticate.ts";
import { recordEvent } from "../analytics/analytics.repository.ts";
import { invalidateAnalytics } from "../analytics/analytics.service.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { linkReferralToFriendCase } from "../cases/cases.service.ts";
import { enqueueNotification } from "../notifications/notify.ts";
import {
  findReferralRow,
  insertStatusHistory,
  type ReferralRow,
  updateReferralStatus,
} from "./referrals.repository.ts";
import { getReferralDetail } from "./referrals.service.ts";
import { creditLedger, findPartnerCommission } from "./rewards.repository.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

const STATUS_LABELS: Record<ReferralStatus, string> = {
  pending: "pending",
  contacted: "contacted",
  qualified: "qualified",
  converted: "converted",
  rejected: "closed",
};

/**
 * Staff move a referral along the pipeline. The row is locked, so two staff members cannot both
 * move it; the status, history, rewards, notification job, analytics event and audit entry commit together.
 */
export async function changeReferralStatus(
  ctx: AppContext,
  actor: RequestUser,
  referralId: string,
  input: UpdateReferralStatusData,
): Promise<ReferralDetail> {
  await ctx.db.transaction(async (tx) => {
    const referral = await findReferralRow(tx, referralId, { forUpdate: true });
    if (!referral) throw notFound("Referral");
    const from = referral.status;
    const to = input.status;
    if (!canTransitionReferral(from, to)) {
      throw new DomainError("INVALID_TRANSITION", `A ${from} referral cannot move to ${to}`, {
        from,
        to,
        allowed: REFERRAL_STATUS_TRANSITIONS[from],
      });
    }
    const notes = input.notes?.trim() || null;
    const now = new Date();
    await updateReferralStatus(tx, referral.id, to, now);
    await insertStatusHistory(tx, {
      referralId: referral.id,
      fromStatus: from,
      toStatus: to,
      notes,
      changedBy: actor.id,
      createdAt: now,
    });
    const reward = to === "converted" ? await creditConversion(ctx, tx, referral, now) : null;
    // The friend's case came from this referral (once they have one; else when it opens).
    if (to === "converted" && referral.referredUserId) {
      await linkReferralToFriendCase(tx, referral.id, referral.referredUserId);
    }
    await enqueueNotification(ctx, tx, {
      userId: referral.referrerId,
      type: "referral",
      title: `Referral ${STATUS_LABELS[to]}`,
      body: statusMessage(referral.fullName, to, reward),
      data: { kind: "referral", referralId: referral.id, fromStatus: from, status: to },
      // A referral reaches each status at most once (the pipeline only moves forward).
      dedupeKey: `referral-status:${referral.id}:${to}`,
    });
    await recordEvent(tx, {
      name: "referral_status_changed",
      userId: referral.referrerId,
      properties: { referralId: referral.id, from, to, by: actor.id },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "referral.status_changed",
      entityType: "referral",
      entityId: referral.id,
      before: { status: from },
      after: { status: to, notes },
    });
  });
  await invalidateAnalytics(ctx);
  return getReferralDetail(ctx, actor, referralId);
}

function statusMessage(name: string, to: ReferralStatus, reward: Money | null): string {
  if (to === "converted") {
    const earned = reward ? ` You earned ${formatCurrency(reward.amountMinor, reward.currency)}.` : "";
    return `Your referral of ${name} converted.${earned}`;
  }
  if (to === "rejected") return `Your referral of ${name} was closed without going ahead.`;
  return `Your referral of ${name} is now ${STATUS_LABELS[to]}.`;
}

/**
 * The referrer's reward and, for a partner's referral, the organisation's commission: each credited
 * once per referral (the ledger's unique index), pending until the holding period ends.
 */
async function creditConversion(
  ctx: AppContext,
  tx: Tx,
  referral: ReferralRow,
  now: Date,
): Promise<Money | null> {
  const reward = ctx.config.referralReward;
  const availableAt = new Date(now.getTime() + ctx.config.rewardHoldingDays * DAY_MS);
  // A zero reward is configured to mean "no rewards": no ledger line.
  const credited =
    reward.amountMinor > 0 &&
    (await creditLedger(tx, {
      userId: referral.referrerId,
      referralId: referral.id,
      kind: "referral_reward",
      amountMinor: reward.amountMinor,
      currency: reward.currency,
      availableAt,
      reason: `Referral of ${referral.fullName} converted`,
    }));
  if (referral.partnerOrganizationId) {
    const commission = await findPartnerCommission(tx, referral.partnerOrganizationId);
    const amount: Money | null =
      commission?.type === "fixed"
        ? { amountMinor: commission.amountMinor, currency: commission.currency }
        : commission?.type === "rate"
          ? {
              amountMinor: Math.floor((reward.amountMinor * commission.rateBps) / 10_000),
              currency: reward.currency,
            }
          : null;
    if (amount && amount.amountMinor > 0) {
      await creditLedger(tx, {
        userId: referral.referrerId,
        referralId: referral.id,
        kind: "partner_commission",
        ...amount,
        availableAt,
        reason: `Commission for the referral of ${referral.fullName}`,
        partnerOrganizationId: referral.partnerOrganizationId,
      });
    }
  }
  return credited ? reward : null;
}
