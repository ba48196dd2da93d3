import type { PayoutBatch, PayoutBatchDetail } from "@referral-app/shared/schemas/payout";
import { and, asc, desc, eq, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { partnerOrganizations, payoutBatches, referrals, rewardLedger } from "../../db/schema/index.ts";
import { isUuid } from "../../lib/ids.ts";

type BatchRow = typeof payoutBatches.$inferSelect;

/** One batch-creating transaction at a time: numbers stay in sequence, commissions batch once. */
export async function lockBatchCreation(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext('payout_batches'))`);
}

export async function nextBatchNumber(db: DbOrTx, year: number): Promise<string> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(payoutBatches)
    .where(sql`${payoutBatches.number} like ${`PAY-${year}-%`}`);
  return `PAY-${year}-${String(Number(row?.count ?? 0) + 1).padStart(4, "0")}`;
}

/** Approved partner commissions not in a batch, approved before `approvedBefore`, per org and currency. */
export function owedCommissions(db: DbOrTx, approvedBefore: Date, organizationId?: string) {
  const conditions: SQL[] = [
    eq(rewardLedger.kind, "partner_commission"),
    eq(rewardLedger.status, "approved"),
    isNull(rewardLedger.payoutBatchId),
    lte(rewardLedger.updatedAt, approvedBefore),
    sql`${rewardLedger.partnerOrganizationId} is not null`,
  ];
  if (organizationId) conditions.push(eq(rewardLedger.partnerOrganizationId, organizationId));
  return db
    .select({
      organizationId: sql<string>`${rewardLedger.partnerOrganizationId}`,
      currency: rewardLedger.currency,
      totalMinor: sql<number>`sum(${rewardLedger.amountMinor})::bigint`,
      count: sql<number>`count(*)::int`,
    })
    .from(rewardLedger)
    .where(and(...conditions))
    .groupBy(rewardLedger.partnerOrganizationId, rewardLedger.currency)
    .orderBy(rewardLedger.partnerOrganizationId, rewardLedger.currency);
}

export async function insertBatch(db: DbOrTx, values: typeof payoutBatches.$inferInsert): Promise<BatchRow> {
  const [row] = await db.insert(payoutBatches).values(values).returning();
  return row!;
}

/** Puts the owed commissions in the batch; answers their count and sum (what the batch records). */
export async function assignCommissions(
  db: DbOrTx,
  batchId: string,
  filter: { organizationId: string; currency: string; approvedBefore: Date },
): Promise<{ count: number; totalMinor: number }> {
  const rows = await db
    .update(rewardLedger)
    .set({ payoutBatchId: batchId })
    .where(
      and(
        eq(rewardLedger.kind, "partner_commission"),
        eq(rewardLedger.status, "approved"),
        isNull(rewardLedger.payoutBatchId),
        lte(rewardLedger.updatedAt, filter.approvedBefore),
        eq(rewardLedger.partnerOrganizationId, filter.organizationId),
        eq(rewardLedger.currency, filter.currency),
      ),
    )
    .returning({ amountMinor: rewardLedger.amountMinor });
  return { count: rows.length, totalMinor: rows.reduce((sum, row) => sum + row.amountMinor, 0) };
}

export async function setBatchTotals(db: DbOrTx, id: string, totals: { count: number; totalMinor: number }) {
  await db
    .update(payoutBatches)
    .set({ commissionCount: totals.count, totalMinor: totals.totalMinor })
    .where(eq(payoutBatches.id, id));
}

const columns = { batch: payoutBatches, organizationName: partnerOrganizations.name };

function toBatch(row: { batch: BatchRow; organizationName: string }): PayoutBatch {
  const { batch } = row;
  return {
    id: batch.id,
    number: batch.number,
    partnerOrganizationId: batch.partnerOrganizationId,
    partnerOrganizationName: row.organizationName,
    currency: batch.currency,
    totalMinor: batch.totalMinor,
    commissionCount: batch.commissionCount,
    status: batch.status,
    paymentReference: batch.paymentReference,
    paidAt: batch.paidAt?.toISOString() ?? null,
    createdAt: batch.createdAt.toISOString(),
  };
}

export async function listBatches(
  db: DbOrTx,
  filter: { status?: "open" | "paid" | undefined; organizationId?: string | undefined },
): Promise<PayoutBatch[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(payoutBatches.status, filter.status));
  if (filter.organizationId) conditions.push(eq(payoutBatches.partnerOrganizationId, filter.organizationId));
  const rows = await db
    .select(columns)
    .from(payoutBatches)
    .innerJoin(partnerOrganizations, eq(partnerOrganizations.id, payoutBatches.partnerOrganizationId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(payoutBatches.createdAt), desc(payoutBatches.id))
    .limit(500);
  return rows.map(toBatch);
}

export async function findBatch(db: DbOrTx, id: string): Promise<PayoutBatchDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select(columns)
    .from(payoutBatches)
    .innerJoin(partnerOrganizations, eq(partnerOrganizations.id, payoutBatches.partnerOrganizationId))
    .where(eq(payoutBatches.id, id));
  if (!row) return null;
  const commissions = await db
    .select({
      id: rewardLedger.id,
      referralId: rewardLedger.referralId,
      referralName: referrals.fullName,
      amountMinor: rewardLedger.amountMinor,
      createdAt: rewardLedger.createdAt,
    })
    .from(rewardLedger)
    .innerJoin(referrals, eq(referrals.id, rewardLedger.referralId))
    .where(eq(rewardLedger.payoutBatchId, id))
    .orderBy(asc(rewardLedger.createdAt), asc(rewardLedger.id));
  return {
    ...toBatch(row),
    commissions: commissions.map((entry) => ({ ...entry, createdAt: entry.createdAt.toISOString() })),
  };
}

export async function findBatchForUpdate(db: DbOrTx, id: string): Promise<BatchRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(payoutBatches).where(eq(payoutBatches.id, id)).for("update");
  return row ?? null;
}

/** The batch is paid: it and its commissions, in one statement each. */
export async function markBatchPaid(db: DbOrTx, id: string, reference: string, paidAt: Date) {
  await db
    .update(payoutBatches)
    .set({ status: "paid", paymentReference: reference, paidAt })
    .where(eq(payoutBatches.id, id));
  return db
    .update(rewardLedger)
    .set({ status: "paid", updatedAt: paidAt })
    .where(and(eq(rewardLedger.payoutBatchId, id), eq(rewardLedger.status, "approved")))
    .returning({ id: rewardLedger.id, userId: rewardLedger.userId });
}
