import { REWARD_STATUS_TRANSITIONS, type RewardStatus } from "@referral-app/shared/constants";
import { formatCurrency } from "@referral-app/shared/formatting";
import type { Money } from "@referral-app/shared/schemas/common";
import type { PartnerCommissions } from "@referral-app/shared/schemas/partners";
import type { RewardEntry, RewardListQuery, RewardStatusTotal } from "@referral-app/shared/schemas/rewards";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { isRewardHeld } from "../referral-reviews/referral-reviews.service.ts";
import { rewardParts } from "./reward-credit.service.ts";

// The ledger's surface for other modules: vesting with the friend's case, and credit on invoices.
export {
  clawBackUnvestedRewards,
  returnCreditFromInvoice,
  takeCreditForInvoice,
  vestRewardsForCase,
} from "./reward-credit.service.ts";

import {
  creditLedger,
  findPartnerCommission,
  findRewardEntry,
  findRewardForUpdate,
  listCommissions,
  listRewards,
  type RewardFilter,
  type RewardRow,
  rewardTotals,
  setRewardStatus,
} from "./rewards.repository.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What the ledger needs of a referral that converted. */
export interface ConvertedReferral {
  id: string;
  referrerId: string;
  fullName: string;
  partnerOrganizationId: string | null;
}

/**
 * The referrer's reward and, for a partner's referral, the organisation's commission: each credited
 * once per referral (the ledger's unique index), pending until the holding period ends.
 */
export async function creditConversion(
  ctx: AppContext,
  tx: Tx,
  referral: ConvertedReferral,
  now: Date,
): Promise<Money | null> {
  const reward = ctx.config.referralReward;
  const availableAt = new Date(now.getTime() + ctx.config.rewardHoldingDays * DAY_MS);
  let credited = false;
  // A zero reward is configured to mean "no rewards": no ledger line.
  if (reward.amountMinor > 0) {
    for (const part of await rewardParts(tx, referral.id, reward.amountMinor, now)) {
      const created = await creditLedger(tx, {
        userId: referral.referrerId,
        referralId: referral.id,
        kind: "referral_reward",
        amountMinor: part.amountMinor,
        currency: reward.currency,
        availableAt,
        reason: part.vestStage
          ? `Referral of ${referral.fullName} converted (part vesting at ${part.vestStage.replace("_", " ")})`
          : `Referral of ${referral.fullName} converted`,
        vestStage: part.vestStage,
        vestedAt: part.vestedAt,
      });
      credited ||= created;
    }
  }
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

/** An organisation's commissions, newest first, with their totals per currency and status. */
export async function getPartnerCommissions(
  ctx: AppContext,
  organizationId: string,
  query: { status?: RewardStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<PartnerCommissions> {
  const [page, totals] = await Promise.all([
    listCommissions(ctx.db, organizationId, {
      status: query.status,
      cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit,
    }),
    getPartnerCommissionTotals(ctx, organizationId),
  ]);
  return { items: page.items, totals, nextCursor: page.nextCursor };
}

export function getPartnerCommissionTotals(
  ctx: AppContext,
  organizationId: string,
): Promise<RewardStatusTotal[]> {
  return rewardTotals(ctx.db, { partnerOrganizationId: organizationId, kind: "partner_commission" });
}

export function searchRewards(ctx: AppContext, query: RewardListQuery & { limit: number }) {
  return listRewards(ctx.db, {
    status: query.status,
    kind: query.kind,
    userId: query.userId,
    partnerOrganizationId: query.partnerOrganizationId,
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  });
}

/** Ledger sums per currency and status (every status, reversed included) for a filter. */
export function getRewardTotals(ctx: AppContext, filter: RewardFilter): Promise<RewardStatusTotal[]> {
  return rewardTotals(ctx.db, filter);
}

export type RewardAction = "approve" | "mark_paid" | "reverse";

const TARGET: Record<RewardAction, RewardStatus> = {
  approve: "approved",
  mark_paid: "paid",
  reverse: "reversed",
};

// Rendered for the recipient (lib/messages-work.ts); the English of MESSAGE is the fallback.
const MESSAGE_KEY: Record<RewardAction, string> = {
  approve: "reward.approved",
  mark_paid: "reward.paid",
  reverse: "reward.reversed",
};

const MESSAGE: Record<RewardAction, (amount: string) => { title: string; body: string }> = {
  approve: (amount) => ({ title: "Reward approved", body: `Your reward of ${amount} was approved.` }),
  mark_paid: (amount) => ({ title: "Reward paid", body: `Your reward of ${amount} has been paid.` }),
  reverse: (amount) => ({ title: "Reward reversed", body: `Your reward of ${amount} was reversed.` }),
};

/** Why a ledger line cannot make this move, or null when it can. */
function refusal(row: RewardRow, action: RewardAction, now: Date): string | null {
  const to = TARGET[action];
  if (!REWARD_STATUS_TRANSITIONS[row.status].includes(to)) {
    return `A ${row.status} reward cannot become ${to}`;
  }
  if (action === "reverse" && row.payoutBatchId !== null) {
    return "This commission is in a payout batch";
  }
  if (action === "approve" && row.vestedAt === null) {
    return `This part vests when the friend's case reaches ${String(row.vestStage).replace("_", " ")}`;
  }
  if (action === "approve" && row.availableAt.getTime() > now.getTime()) {
    return `The holding period ends at ${row.availableAt.toISOString()}`;
  }
  return null;
}

/**
 * Moves a ledger line along REWARD_STATUS_TRANSITIONS. The change, its audit entry and the
 * beneficiary's notification commit together.
 */
export async function changeRewardStatus(
  ctx: AppContext,
  actor: Actor,
  rewardId: string,
  action: RewardAction,
  reason?: string,
): Promise<RewardEntry> {
  await ctx.db.transaction(async (tx) => {
    const row = await findRewardForUpdate(tx, rewardId);
    if (!row) throw notFound("Reward");
    const now = new Date();
    const refused =
      refusal(row, action, now) ??
      (action !== "reverse" && (await isRewardHeld(tx, row.referralId))
        ? "Held: its referral is under review"
        : null);
    if (refused) {
      throw new DomainError("INVALID_TRANSITION", refused, {
        from: row.status,
        to: TARGET[action],
        availableAt: row.availableAt.toISOString(),
      });
    }
    const to = TARGET[action];
    await setRewardStatus(tx, row.id, to, action === "reverse" ? (reason ?? null) : null);
    await writeAudit(tx, {
      actorId: actor.id,
      action: `reward.${to}`,
      entityType: "reward",
      entityId: row.id,
      before: { status: row.status },
      after: { status: to, ...(action === "reverse" ? { reason } : {}) },
    });
    const amount = formatCurrency(row.amountMinor, row.currency);
    const message = MESSAGE[action](amount);
    await enqueueNotification(ctx, tx, {
      userId: row.userId,
      type: "referral",
      title: message.title,
      body: action === "reverse" && reason ? `${message.body} Reason: ${reason}` : message.body,
      message: {
        key: MESSAGE_KEY[action],
        params: {
          amountMinor: String(row.amountMinor),
          currency: row.currency,
          ...(action === "reverse" && reason ? { reason } : {}),
        },
      },
      data: { kind: "reward", rewardId: row.id, referralId: row.referralId, status: to },
      dedupeKey: `reward:${row.id}:${to}`,
    });
  });
  const entry = await findRewardEntry(ctx.db, rewardId);
  if (!entry) throw notFound("Reward");
  return entry;
}
