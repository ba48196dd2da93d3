import { VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type { CreditHistoryEntry, RewardMethod } from "@referral-app/shared/schemas/rewards";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import {
  cases,
  invoiceLines,
  invoices,
  referrals,
  rewardLedger,
  rewardPreferences,
  rewardVestingRules,
  visaTypes,
} from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";

export async function visaTypeExists(db: DbOrTx, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [row] = await db.select({ id: visaTypes.id }).from(visaTypes).where(eq(visaTypes.id, id));
  return Boolean(row);
}

export async function findPreference(db: DbOrTx, userId: string) {
  const [row] = await db.select().from(rewardPreferences).where(eq(rewardPreferences.userId, userId));
  return row ?? null;
}

export async function savePreference(
  db: DbOrTx,
  values: {
    userId: string;
    method: RewardMethod;
    disclosureVersion?: string | undefined;
    acceptedAt?: Date | undefined;
  },
) {
  const accepted = values.disclosureVersion
    ? { disclosureVersion: values.disclosureVersion, disclosureAcceptedAt: values.acceptedAt ?? new Date() }
    : {};
  const [row] = await db
    .insert(rewardPreferences)
    .values({ userId: values.userId, method: values.method, ...accepted })
    .onConflictDoUpdate({
      target: rewardPreferences.userId,
      set: { method: values.method, ...accepted, updatedAt: new Date() },
    })
    .returning();
  return row!;
}

export function listVestingRules(db: DbOrTx, visaTypeId: string) {
  return db
    .select({ stage: rewardVestingRules.stage, percent: rewardVestingRules.percent })
    .from(rewardVestingRules)
    .where(eq(rewardVestingRules.visaTypeId, visaTypeId));
}

export async function replaceVestingRules(
  db: DbOrTx,
  visaTypeId: string,
  rules: readonly { stage: VisaStageId; percent: number }[],
): Promise<void> {
  await db.delete(rewardVestingRules).where(eq(rewardVestingRules.visaTypeId, visaTypeId));
  if (rules.length)
    await db.insert(rewardVestingRules).values(rules.map((rule) => ({ ...rule, visaTypeId })));
}

/** The friend's case a referral led to, if linked: where its reward's vesting is read from. */
export async function findReferralCase(db: DbOrTx, referralId: string) {
  const [row] = await db
    .select({ caseId: cases.id, visaTypeId: cases.visaTypeId, currentStage: cases.currentStage })
    .from(referrals)
    .innerJoin(cases, eq(cases.id, referrals.caseId))
    .where(eq(referrals.id, referralId));
  return row ?? null;
}

const stagesUpTo = (stage: VisaStageId): VisaStageId[] => {
  const order = VISA_STAGES.find((entry) => entry.id === stage)!.order;
  return VISA_STAGES.filter((entry) => entry.order <= order).map((entry) => entry.id);
};

const referralsOfCase = (caseId: string) =>
  sql`${rewardLedger.referralId} in (select ${referrals.id} from ${referrals} where ${referrals.caseId} = ${caseId})`;

/** Parts of rewards for the case's referral that vest at `stage` or before: vested now. */
export async function vestParts(db: DbOrTx, caseId: string, stage: VisaStageId, now: Date) {
  return db
    .update(rewardLedger)
    .set({ vestedAt: now, updatedAt: now })
    .where(
      and(
        referralsOfCase(caseId),
        isNull(rewardLedger.vestedAt),
        eq(rewardLedger.status, "pending"),
        inArray(rewardLedger.vestStage, stagesUpTo(stage)),
      ),
    )
    .returning({
      id: rewardLedger.id,
      userId: rewardLedger.userId,
      amountMinor: rewardLedger.amountMinor,
      currency: rewardLedger.currency,
    });
}

/** The parts not vested yet are reversed: the friend's case ended before reaching their stage. */
export async function clawBackParts(db: DbOrTx, caseId: string, reason: string, now: Date) {
  return db
    .update(rewardLedger)
    .set({ status: "reversed", reason, updatedAt: now })
    .where(and(referralsOfCase(caseId), isNull(rewardLedger.vestedAt), eq(rewardLedger.status, "pending")))
    .returning({
      id: rewardLedger.id,
      userId: rewardLedger.userId,
      referralId: rewardLedger.referralId,
      amountMinor: rewardLedger.amountMinor,
      currency: rewardLedger.currency,
    });
}

/** A referrer's approved rewards in a currency, oldest first, locked for spending as credit. */
export function lockSpendableRewards(db: DbOrTx, userId: string, currency: string) {
  return db
    .select({ id: rewardLedger.id, amountMinor: rewardLedger.amountMinor, friendName: referrals.fullName })
    .from(rewardLedger)
    .innerJoin(referrals, eq(referrals.id, rewardLedger.referralId))
    .where(
      and(
        eq(rewardLedger.userId, userId),
        eq(rewardLedger.kind, "referral_reward"),
        eq(rewardLedger.status, "approved"),
        eq(rewardLedger.currency, currency),
      ),
    )
    .orderBy(asc(rewardLedger.createdAt), asc(rewardLedger.id))
    .for("update", { of: rewardLedger });
}

export async function markCredited(db: DbOrTx, rewardId: string, reason: string): Promise<void> {
  await db
    .update(rewardLedger)
    .set({ status: "credited", reason, returnedFromInvoiceId: null, updatedAt: new Date() })
    .where(eq(rewardLedger.id, rewardId));
}

/**
 * Credited rewards given back from a voided invoice: approved again (spendable), remembering the
 * invoice. Only rewards still `credited` move, so a second call changes nothing.
 */
export function returnCredited(
  db: DbOrTx,
  rewardIds: readonly string[],
  values: { invoiceId: string; reason: string; now: Date },
) {
  if (rewardIds.length === 0) return Promise.resolve([]);
  return db
    .update(rewardLedger)
    .set({
      status: "approved",
      reason: values.reason,
      returnedFromInvoiceId: values.invoiceId,
      updatedAt: values.now,
    })
    .where(and(inArray(rewardLedger.id, [...rewardIds]), eq(rewardLedger.status, "credited")))
    .returning({
      id: rewardLedger.id,
      amountMinor: rewardLedger.amountMinor,
      currency: rewardLedger.currency,
    });
}

const returnedFrom = alias(invoices, "returned_from");

export async function creditHistory(db: DbOrTx, userId: string): Promise<CreditHistoryEntry[]> {
  const rows = await db
    .select({
      reward: rewardLedger,
      friendName: referrals.fullName,
      invoiceId: invoiceLines.invoiceId,
      invoiceNumber: invoices.number,
      returnedFromInvoiceNumber: returnedFrom.number,
    })
    .from(rewardLedger)
    .innerJoin(referrals, eq(referrals.id, rewardLedger.referralId))
    .leftJoin(invoiceLines, eq(invoiceLines.rewardId, rewardLedger.id))
    .leftJoin(invoices, eq(invoices.id, invoiceLines.invoiceId))
    .leftJoin(returnedFrom, eq(returnedFrom.id, rewardLedger.returnedFromInvoiceId))
    .where(and(eq(rewardLedger.userId, userId), eq(rewardLedger.kind, "referral_reward")))
    .orderBy(desc(rewardLedger.createdAt), desc(rewardLedger.id))
    .limit(200);
  return rows.map(({ reward, friendName, invoiceId, invoiceNumber, returnedFromInvoiceNumber }) => ({
    rewardId: reward.id,
    friendName,
    amountMinor: reward.amountMinor,
    currency: reward.currency,
    status: reward.status,
    vestStage: reward.vestStage,
    vested: reward.vestedAt !== null,
    invoiceId: invoiceId ?? null,
    invoiceNumber: invoiceNumber ?? null,
    returnedFromInvoiceNumber: returnedFromInvoiceNumber ?? null,
    createdAt: reward.createdAt.toISOString(),
    updatedAt: reward.updatedAt.toISOString(),
  }));
}
