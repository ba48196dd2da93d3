import { formatCurrency } from "@referral-app/shared/formatting";
import type {
  CreatePayoutBatchesData,
  MarkPayoutPaidData,
  PayoutBatch,
  PayoutBatchDetail,
} from "@referral-app/shared/schemas/payout";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { getSettings } from "../settings/settings.service.ts";
import { payoutCsv, renderPayoutStatement } from "./payout-files.ts";
import {
  assignCommissions,
  findBatch,
  findBatchForUpdate,
  insertBatch,
  listBatches,
  lockBatchCreation,
  markBatchPaid,
  nextBatchNumber,
  owedCommissions,
  setBatchTotals,
} from "./payouts.repository.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One batch per partner organisation and currency for its approved commissions older than the hold
 * period, where they add up to the minimum. Each commission joins one batch at most; the batch's
 * total is the sum of the commissions it took.
 */
export async function createPayoutBatches(
  ctx: AppContext,
  actor: Actor,
  input: CreatePayoutBatchesData,
): Promise<PayoutBatch[]> {
  const now = new Date();
  const approvedBefore = new Date(now.getTime() - input.holdDays * DAY_MS);
  const ids = await ctx.db.transaction(async (tx) => {
    await lockBatchCreation(tx);
    const owed = await owedCommissions(tx, approvedBefore, input.partnerOrganizationId);
    const created: string[] = [];
    for (const group of owed) {
      if (Number(group.totalMinor) < input.minimumMinor) continue;
      const batch = await insertBatch(tx, {
        number: await nextBatchNumber(tx, now.getUTCFullYear()),
        partnerOrganizationId: group.organizationId,
        currency: group.currency,
        totalMinor: 0,
        commissionCount: 0,
        createdBy: actor.id,
      });
      const totals = await assignCommissions(tx, batch.id, {
        organizationId: group.organizationId,
        currency: group.currency,
        approvedBefore,
      });
      await setBatchTotals(tx, batch.id, totals);
      await writeAudit(tx, {
        actorId: actor.id,
        action: "payout_batch.created",
        entityType: "payout_batch",
        entityId: batch.id,
        after: {
          number: batch.number,
          organizationId: group.organizationId,
          currency: group.currency,
          ...totals,
        },
      });
      created.push(batch.id);
    }
    return created;
  });
  const all = await listBatches(ctx.db, {});
  return all.filter((batch) => ids.includes(batch.id));
}

export function getPayoutBatches(
  ctx: AppContext,
  filter: { status?: "open" | "paid" | undefined; partnerOrganizationId?: string | undefined },
): Promise<PayoutBatch[]> {
  return listBatches(ctx.db, { status: filter.status, organizationId: filter.partnerOrganizationId });
}

/** A batch; with `organizationId` (a partner's view) another organisation's batch answers 404. */
export async function getPayoutBatch(
  ctx: AppContext,
  id: string,
  organizationId?: string,
): Promise<PayoutBatchDetail> {
  const batch = await findBatch(ctx.db, id);
  if (!batch || (organizationId && batch.partnerOrganizationId !== organizationId))
    throw notFound("Payout batch");
  return batch;
}

export async function getPayoutStatementPdf(ctx: AppContext, id: string, organizationId?: string) {
  const batch = await getPayoutBatch(ctx, id, organizationId);
  return { filename: `${batch.number}.pdf`, pdf: await renderPayoutStatement(batch, await getSettings(ctx)) };
}

export async function getPayoutCsv(ctx: AppContext, id: string) {
  const batch = await getPayoutBatch(ctx, id);
  return { filename: `${batch.number}.csv`, csv: payoutCsv(batch) };
}

/** The transfer went out: the batch and its commissions are paid; the organisation's members are told. */
export async function markPayoutPaid(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: MarkPayoutPaidData,
): Promise<PayoutBatchDetail> {
  await ctx.db.transaction(async (tx) => {
    const batch = await findBatchForUpdate(tx, id);
    if (!batch) throw notFound("Payout batch");
    if (batch.status === "paid")
      throw new DomainError("INVALID_TRANSITION", `Batch ${batch.number} is already paid`);
    const paidAt = input.paidAt ? new Date(input.paidAt) : new Date();
    const paid = await markBatchPaid(tx, id, input.reference, paidAt);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "payout_batch.paid",
      entityType: "payout_batch",
      entityId: id,
      before: { status: "open" },
      after: { status: "paid", reference: input.reference, commissions: paid.length },
    });
    for (const userId of new Set(paid.map((entry) => entry.userId))) {
      await enqueueNotification(ctx, tx, {
        userId,
        type: "referral",
        title: `Payout ${batch.number} sent`,
        body: `${formatCurrency(batch.totalMinor, batch.currency)} was paid to your organisation (reference ${input.reference}).`,
        data: { kind: "payout", payoutBatchId: id },
        dedupeKey: `payout:${id}:paid:${userId}`,
      });
    }
  });
  return getPayoutBatch(ctx, id);
}
