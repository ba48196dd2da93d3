import { VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import { formatCurrency } from "@referral-app/shared/formatting";
import {
  type CreditBalance,
  REWARD_CREDIT_DISCLOSURE,
  type RewardPreference,
  type RewardVesting,
  type UpdateRewardPreferenceData,
  type UpdateRewardVestingData,
} from "@referral-app/shared/schemas/rewards";
import type { AppContext } from "../../context.ts";
import type { DbOrTx, Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import {
  clawBackParts,
  creditHistory,
  findPreference,
  findReferralCase,
  listVestingRules,
  lockSpendableRewards,
  markCredited,
  replaceVestingRules,
  returnCredited,
  savePreference,
  vestParts,
  visaTypeExists,
} from "./reward-credit.repository.ts";

const stageOrder = (stage: VisaStageId) => VISA_STAGES.find((entry) => entry.id === stage)!.order;

export async function getRewardPreference(ctx: AppContext, userId: string): Promise<RewardPreference> {
  const row = await findPreference(ctx.db, userId);
  return {
    method: row?.method ?? "cash",
    disclosureVersion: row?.disclosureVersion ?? null,
    disclosureAcceptedAt: row?.disclosureAcceptedAt?.toISOString() ?? null,
    disclosure: { ...REWARD_CREDIT_DISCLOSURE },
  };
}

/** Credit needs the current disclosure accepted (its version is stored with the time); cash never does. */
export async function setRewardPreference(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: UpdateRewardPreferenceData,
): Promise<RewardPreference> {
  if (input.method === "credit" && input.disclosureVersion !== REWARD_CREDIT_DISCLOSURE.version) {
    const message = input.disclosureVersion
      ? "That disclosure is out of date: read the current one and accept it"
      : "Accept the disclosure of how credit works first";
    throw new DomainError("VALIDATION_ERROR", message, {
      fields: { disclosureVersion: [message] },
      currentVersion: REWARD_CREDIT_DISCLOSURE.version,
    });
  }
  await ctx.db.transaction(async (tx) => {
    const before = await findPreference(tx, userId);
    const saved = await savePreference(tx, {
      userId,
      method: input.method,
      disclosureVersion: input.method === "credit" ? input.disclosureVersion : undefined,
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "reward_preference.updated",
      entityType: "user",
      entityId: userId,
      before: { method: before?.method ?? "cash" },
      after: {
        method: saved.method,
        disclosureVersion: saved.disclosureVersion,
        disclosureAcceptedAt: saved.disclosureAcceptedAt?.toISOString() ?? null,
      },
    });
  });
  return getRewardPreference(ctx, userId);
}

/**
 * How the referral's reward is split: one part per vesting stage of the friend's case's visa type
 * (the last part takes the rounding), each vested at once if the case is already there. No rules,
 * or no case yet: one part, vested.
 */
export async function rewardParts(
  db: DbOrTx,
  referralId: string,
  amountMinor: number,
  now: Date,
): Promise<{ vestStage: VisaStageId | null; vestedAt: Date | null; amountMinor: number }[]> {
  const friendCase = await findReferralCase(db, referralId);
  const rules = friendCase ? await listVestingRules(db, friendCase.visaTypeId) : [];
  if (!friendCase || rules.length === 0) return [{ vestStage: null, vestedAt: now, amountMinor }];
  const sorted = [...rules].sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage));
  let given = 0;
  return sorted.map((rule, index) => {
    const part =
      index === sorted.length - 1 ? amountMinor - given : Math.floor((amountMinor * rule.percent) / 100);
    given += part;
    const reached = stageOrder(rule.stage) <= stageOrder(friendCase.currentStage);
    return { vestStage: rule.stage, vestedAt: reached ? now : null, amountMinor: part };
  });
}

/** The friend's case reached `stage`: the parts of its referral's reward that vest there do. */
export async function vestRewardsForCase(
  ctx: AppContext,
  tx: Tx,
  caseId: string,
  stage: VisaStageId,
): Promise<void> {
  const vested = await vestParts(tx, caseId, stage, new Date());
  for (const part of vested) {
    await enqueueNotification(ctx, tx, {
      userId: part.userId,
      type: "referral",
      title: "Part of your reward was released",
      body: `${formatCurrency(part.amountMinor, part.currency)} of your referral reward was released as your friend's case moved forward.`,
      data: { kind: "reward", rewardId: part.id, status: "pending" },
      dedupeKey: `reward:${part.id}:vested`,
    });
  }
}

/** The friend withdrew or was refused: parts not vested yet are reversed (clawed back), audited. */
export async function clawBackUnvestedRewards(
  ctx: AppContext,
  tx: Tx,
  caseId: string,
  outcome: "refused" | "withdrawn",
): Promise<void> {
  const reason = `The friend's case was ${outcome} before this part vested`;
  const reversed = await clawBackParts(tx, caseId, reason, new Date());
  for (const part of reversed) {
    await writeAudit(tx, {
      actorId: null,
      action: "reward.reversed",
      entityType: "reward",
      entityId: part.id,
      before: { status: "pending" },
      after: { status: "reversed", reason },
    });
    await enqueueNotification(ctx, tx, {
      userId: part.userId,
      type: "referral",
      title: "Reward reversed",
      body: `${formatCurrency(part.amountMinor, part.currency)} of your referral reward will not be released: ${reason.toLowerCase()}.`,
      data: { kind: "reward", rewardId: part.id, referralId: part.referralId, status: "reversed" },
      dedupeKey: `reward:${part.id}:reversed`,
    });
  }
}

/**
 * Spends a referrer's approved rewards on their invoice, oldest first, each whole and at most once
 * (the reward turns `credited` under a row lock; the invoice line's unique reward id backs it up).
 * Only referrers who chose credit; a reward larger than what is left waits for a later invoice.
 */
export async function takeCreditForInvoice(
  tx: Tx,
  input: { userId: string; currency: string; maxMinor: number; invoiceNumber: string },
): Promise<{ rewardId: string; amountMinor: number; friendName: string }[]> {
  const preference = await findPreference(tx, input.userId);
  if (preference?.method !== "credit" || input.maxMinor <= 0) return [];
  const taken: { rewardId: string; amountMinor: number; friendName: string }[] = [];
  let left = input.maxMinor;
  for (const reward of await lockSpendableRewards(tx, input.userId, input.currency)) {
    if (reward.amountMinor > left) continue;
    await markCredited(tx, reward.id, `Credited on invoice ${input.invoiceNumber}`);
    await writeAudit(tx, {
      actorId: null,
      action: "reward.credited",
      entityType: "reward",
      entityId: reward.id,
      before: { status: "approved" },
      after: { status: "credited", invoiceNumber: input.invoiceNumber },
    });
    taken.push({ rewardId: reward.id, amountMinor: reward.amountMinor, friendName: reward.friendName });
    left -= reward.amountMinor;
  }
  return taken;
}

/**
 * The invoice the rewards were credited on was voided: each is given back (approved again, so the
 * next invoice takes it), remembering the invoice, and audited. A reward already given back is
 * skipped, so this happens once per reward. Answers the amounts given back.
 */
export async function returnCreditFromInvoice(
  tx: Tx,
  input: { rewardIds: readonly string[]; invoiceId: string; invoiceNumber: string; actorId: string },
): Promise<{ amountMinor: number; currency: string }[]> {
  const reason = `Given back: invoice ${input.invoiceNumber} was voided`;
  const returned = await returnCredited(tx, input.rewardIds, {
    invoiceId: input.invoiceId,
    reason,
    now: new Date(),
  });
  for (const reward of returned) {
    await writeAudit(tx, {
      actorId: input.actorId,
      action: "reward.credit_returned",
      entityType: "reward",
      entityId: reward.id,
      before: { status: "credited", invoiceNumber: input.invoiceNumber },
      after: { status: "approved", reason },
    });
  }
  return returned;
}

export async function getCredit(ctx: AppContext, userId: string): Promise<CreditBalance> {
  const [preference, history] = await Promise.all([
    findPreference(ctx.db, userId),
    creditHistory(ctx.db, userId),
  ]);
  const balances = new Map<string, CreditBalance["balances"][number]>();
  for (const entry of history) {
    const balance = balances.get(entry.currency) ?? {
      currency: entry.currency,
      availableMinor: 0,
      pendingMinor: 0,
      creditedMinor: 0,
    };
    if (entry.status === "approved") balance.availableMinor += entry.amountMinor;
    if (entry.status === "pending") balance.pendingMinor += entry.amountMinor;
    if (entry.status === "credited") balance.creditedMinor += entry.amountMinor;
    balances.set(entry.currency, balance);
  }
  return { method: preference?.method ?? "cash", balances: [...balances.values()], history };
}

export async function getRewardVesting(ctx: AppContext, visaTypeId: string): Promise<RewardVesting> {
  if (!(await visaTypeExists(ctx.db, visaTypeId))) throw notFound("Visa type");
  const rules = await listVestingRules(ctx.db, visaTypeId);
  return { visaTypeId, rules: rules.sort((a, b) => stageOrder(a.stage) - stageOrder(b.stage)) };
}

export async function setRewardVesting(
  ctx: AppContext,
  actor: Actor,
  visaTypeId: string,
  input: UpdateRewardVestingData,
): Promise<RewardVesting> {
  if (!(await visaTypeExists(ctx.db, visaTypeId))) throw notFound("Visa type");
  await ctx.db.transaction(async (tx) => {
    const before = await listVestingRules(tx, visaTypeId);
    await replaceVestingRules(tx, visaTypeId, input.rules);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "reward_vesting.updated",
      entityType: "visa_type",
      entityId: visaTypeId,
      before: { rules: before },
      after: { rules: input.rules },
    });
  });
  return getRewardVesting(ctx, visaTypeId);
}
