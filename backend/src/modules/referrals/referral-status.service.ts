import {
  canTransitionReferral,
  REFERRAL_STATUS_TRANSITIONS,
  type ReferralStatus,
} from "@referral-app/shared/constants";
import { formatCurrency, formatDate } from "@referral-app/shared/formatting";
import type { Money } from "@referral-app/shared/schemas/common";
import type { ReferralDetail, UpdateReferralStatusData } from "@referral-app/shared/schemas/referral";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { invalidateAnalytics, recordEvent } from "../analytics/analytics.service.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { linkReferralToFriendCase } from "../cases/cases.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { creditConversion } from "../rewards/rewards.service.ts";
import { findReferralRow, insertStatusHistory, updateReferralStatus } from "./referrals.repository.ts";
import { getReferralDetail } from "./referrals.service.ts";

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
  actor: Actor,
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
    // The old `notes` field is the internal note: nothing written without saying so reaches the referrer.
    const internalNote = (input.internalNote ?? input.notes)?.trim() || null;
    const messageToReferrer = input.messageToReferrer?.trim() || null;
    const now = new Date();
    await updateReferralStatus(tx, referral.id, to, now);
    await insertStatusHistory(tx, {
      referralId: referral.id,
      fromStatus: from,
      toStatus: to,
      internalNote,
      messageToReferrer,
      changedBy: actor.id,
      createdAt: now,
    });
    // The friend's case came from this referral (once they have one; else when it opens). Linked
    // first: the reward's vesting follows that case's visa type.
    if (to === "converted" && referral.referredUserId) {
      await linkReferralToFriendCase(tx, referral.id, referral.referredUserId);
    }
    const reward = to === "converted" ? await creditConversion(ctx, tx, referral, now) : null;
    await enqueueNotification(ctx, tx, {
      userId: referral.referrerId,
      type: "referral",
      title: `Referral ${STATUS_LABELS[to]}`,
      body: [
        statusMessage(
          referral.fullName,
          to,
          reward,
          new Date(now.getTime() + ctx.config.rewardHoldingDays * DAY_MS),
        ),
        messageToReferrer,
      ]
        .filter(Boolean)
        .join("\n\n"),
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
      after: { status: to, internalNote, messageToReferrer },
    });
  });
  await invalidateAnalytics(ctx);
  return getReferralDetail(ctx, actor, referralId);
}

/**
 * The reward vocabulary of every app: a new reward is pending, held until a date, then approved and
 * paid; "earned" would promise money that is not yet the referrer's.
 */
function statusMessage(name: string, to: ReferralStatus, reward: Money | null, heldUntil: Date): string {
  if (to === "converted") {
    const pending = reward
      ? ` Your reward of ${formatCurrency(reward.amountMinor, reward.currency)} is pending: held until ${formatDate(heldUntil)}, then approved and paid.`
      : "";
    return `Your referral of ${name} converted.${pending}`;
  }
  if (to === "rejected") return `Your referral of ${name} was closed without going ahead.`;
  return `Your referral of ${name} is now ${STATUS_LABELS[to]}.`;
}
