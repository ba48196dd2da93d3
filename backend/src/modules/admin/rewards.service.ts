import { REWARD_STATUS_TRANSITIONS, type RewardStatus } from "@referral-app/shared/constants";
import { formatCurrency } from "@referral-app/shared/formatting";
import type {
  RewardEntry,
  RewardListQuery,
  RewardStatusTotal,
  RewardTotalsQuery,
} from "@referral-app/shared/schemas/rewards";
import type { AppContext } from "../../context.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import type { RequestUser } from "../../plugins/authenticate.ts";
import { writeAudit } from "../audit/audit.repository.ts";
import { enqueueNotification } from "../notifications/notify.ts";
import {
  findRewardEntry,
  findRewardForUpdate,
  listRewards,
  type RewardRow,
  rewardTotals,
  setRewardStatus,
} from "./rewards.repository.ts";

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

export function getRewardTotals(ctx: AppContext, query: RewardTotalsQuery): Promise<RewardStatusTotal[]> {
  return rewardTotals(ctx.db, query);
}

export type RewardAction = "approve" | "mark_paid" | "reverse";

const TARGET: Record<RewardAction, RewardStatus> = {
  approve: "approved",
  mark_paid: "paid",
  reverse: "reversed",
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
  actor: RequestUser,
  rewardId: string,
  action: RewardAction,
  reason?: string,
): Promise<RewardEntry> {
  await ctx.db.transaction(async (tx) => {
    const row = await findRewardForUpdate(tx, rewardId);
    if (!row) throw notFound("Reward");
    const now = new Date();
    const refused = refusal(row, action, now);
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
      data: { kind: "reward", rewardId: row.id, referralId: row.referralId, status: to },
      dedupeKey: `reward:${row.id}:${to}`,
    });
  });
  const entry = await findRewardEntry(ctx.db, rewardId);
  if (!entry) throw notFound("Reward");
  return entry;
}
