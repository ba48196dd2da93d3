import type {
  Invoice,
  InvoiceLine,
  InvoicePayment,
  InvoiceState,
  InvoiceSummary,
  InvoiceTemplate,
  PaymentMethod,
} from "@referral-app/shared/schemas/invoice";
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, lte, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  cases,
  invoiceCheckouts,
  invoiceLines,
  invoiceNumberSequences,
  invoicePayments,
  invoices,
  invoiceTemplates,
  paymentEvents,
  users,
  visaTypes,
} from "../../db/schema/index.ts";
import { type Cursor, cursorTime, olderThan, pageOf } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";
import { isOverdue, todayUtc } from "./invoice-totals.ts";

export type InvoiceRow = typeof invoices.$inferSelect;
export type LineRow = typeof invoiceLines.$inferSelect;
export type PaymentRow = typeof invoicePayments.$inferSelect;

/** The next number of the year's series; the upsert's row lock makes concurrent senders queue. */
export async function nextInvoiceNumber(db: DbOrTx, year: number): Promise<string> {
  const [row] = await db
    .insert(invoiceNumberSequences)
    .values({ year, lastValue: 1 })
    .onConflictDoUpdate({
      target: invoiceNumberSequences.year,
      set: { lastValue: sql`${invoiceNumberSequences.lastValue} + 1` },
    })
    .returning({ lastValue: invoiceNumberSequences.lastValue });
  return `INV-${year}-${String(row!.lastValue).padStart(4, "0")}`;
}

export async function insertInvoice(db: DbOrTx, values: typeof invoices.$inferInsert): Promise<InvoiceRow> {
  const [row] = await db.insert(invoices).values(values).returning();
  return row!;
}

export async function updateInvoiceRow(
  db: DbOrTx,
  id: string,
  values: Partial<typeof invoices.$inferInsert>,
): Promise<void> {
  await db
    .update(invoices)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(invoices.id, id));
}

export async function findInvoiceRow(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<InvoiceRow | null> {
  if (!isUuid(id)) return null;
  const query = db.select().from(invoices).where(eq(invoices.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export type NewLine = Omit<typeof invoiceLines.$inferInsert, "invoiceId" | "position">;

export async function replaceLines(db: DbOrTx, invoiceId: string, lines: readonly NewLine[]): Promise<void> {
  await db
    .delete(invoiceLines)
    .where(and(eq(invoiceLines.invoiceId, invoiceId), eq(invoiceLines.kind, "item")));
  await appendLines(db, invoiceId, lines);
}

export async function appendLines(db: DbOrTx, invoiceId: string, lines: readonly NewLine[]): Promise<void> {
  if (lines.length === 0) return;
  const [last] = await db
    .select({ max: sql<number | null>`max(${invoiceLines.position})` })
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId));
  const start = Number(last?.max ?? -1) + 1;
  await db
    .insert(invoiceLines)
    .values(lines.map((line, index) => ({ ...line, invoiceId, position: start + index })));
}

/**
 * The voided invoice's credit lines let go of their rewards (the lines stay, as issued, so the
 * invoice still reads as it was sent): the reward ids they held.
 */
export async function detachCreditLines(db: DbOrTx, invoiceId: string): Promise<string[]> {
  const held = and(eq(invoiceLines.invoiceId, invoiceId), isNotNull(invoiceLines.rewardId));
  // RETURNING reads the row after the update, so the ids are read first (the invoice is locked).
  const rows = await db.select({ rewardId: invoiceLines.rewardId }).from(invoiceLines).where(held);
  await db.update(invoiceLines).set({ rewardId: null }).where(held);
  return rows.flatMap((row) => (row.rewardId ? [row.rewardId] : []));
}

export function listLineRows(db: DbOrTx, invoiceId: string): Promise<LineRow[]> {
  return db
    .select()
    .from(invoiceLines)
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(invoiceLines.position));
}

export function listPaymentRows(db: DbOrTx, invoiceId: string): Promise<PaymentRow[]> {
  return db
    .select()
    .from(invoicePayments)
    .where(eq(invoicePayments.invoiceId, invoiceId))
    .orderBy(asc(invoicePayments.paidAt), asc(invoicePayments.createdAt));
}

export async function insertPayment(
  db: DbOrTx,
  values: {
    invoiceId: string;
    kind: "payment" | "refund";
    amountMinor: number;
    method: PaymentMethod;
    reference: string | null;
    providerRef?: string | null;
    paidAt: Date;
    recordedBy: string | null;
  },
): Promise<PaymentRow | null> {
  const rows = await db.insert(invoicePayments).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function findPaymentByProviderRef(
  db: DbOrTx,
  kind: "payment" | "refund",
  providerRef: string,
): Promise<PaymentRow | null> {
  const [row] = await db
    .select()
    .from(invoicePayments)
    .where(and(eq(invoicePayments.kind, kind), eq(invoicePayments.providerRef, providerRef)));
  return row ?? null;
}

const summaryColumns = {
  invoice: invoices,
  caseNumber: cases.number,
  clientName: users.name,
  clientEmail: users.email,
  cursorAt: cursorTime(invoices.createdAt),
};

type SummaryRow = { invoice: InvoiceRow; caseNumber: string; clientName: string; clientEmail: string };

export function toInvoiceSummary(row: SummaryRow, today = todayUtc()): InvoiceSummary {
  const { invoice } = row;
  return {
    id: invoice.id,
    number: invoice.number,
    caseId: invoice.caseId,
    caseNumber: row.caseNumber,
    clientId: invoice.clientId,
    clientName: row.clientName,
    currency: invoice.currency,
    state: invoice.state,
    overdue: isOverdue(invoice.state, invoice.dueDate, today),
    isStageInvoice: invoice.isStageInvoice,
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    subtotalMinor: invoice.subtotalMinor,
    taxMinor: invoice.taxMinor,
    totalMinor: invoice.totalMinor,
    paidMinor: invoice.paidMinor,
    refundedMinor: invoice.refundedMinor,
    balanceMinor:
      invoice.state === "void" ? 0 : invoice.totalMinor - (invoice.paidMinor - invoice.refundedMinor),
    sentAt: invoice.sentAt?.toISOString() ?? null,
    createdAt: invoice.createdAt.toISOString(),
    updatedAt: invoice.updatedAt.toISOString(),
  };
}

function toLine(row: LineRow): InvoiceLine {
  const amountMinor = row.quantity * row.unitAmountMinor;
  const tax = Math.round((Math.abs(amountMinor) * row.taxRateBps) / 10_000);
  return {
    id: row.id,
    kind: row.kind,
    description: row.description,
    quantity: row.quantity,
    unitAmountMinor: row.unitAmountMinor,
    amountMinor,
    taxRateId: row.taxRateId,
    taxRateName: row.taxRateName,
    taxRateBps: row.taxRateBps,
    taxMinor: amountMinor < 0 ? -tax : tax,
  };
}

function toPayment(row: PaymentRow): InvoicePayment {
  return {
    id: row.id,
    kind: row.kind,
    amountMinor: row.amountMinor,
    method: row.method,
    reference: row.reference,
    paidAt: row.paidAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

function summaries(db: DbOrTx) {
  return db
    .select(summaryColumns)
    .from(invoices)
    .innerJoin(cases, eq(cases.id, invoices.caseId))
    .innerJoin(users, eq(users.id, invoices.clientId));
}

export interface InvoiceDetail extends Invoice {
  clientEmail: string;
}

export async function findInvoice(db: DbOrTx, id: string): Promise<InvoiceDetail | null> {
  if (!isUuid(id)) return null;
  const [row] = await summaries(db).where(eq(invoices.id, id));
  if (!row) return null;
  const [lines, payments] = await Promise.all([listLineRows(db, id), listPaymentRows(db, id)]);
  return {
    ...toInvoiceSummary(row),
    clientEmail: row.clientEmail,
    notes: row.invoice.notes,
    lines: lines.map(toLine),
    payments: payments.map(toPayment),
  };
}

/** A case's invoices, newest first; clients never see drafts. */
export async function listCaseInvoices(
  db: DbOrTx,
  caseId: string,
  options: { includeDrafts: boolean },
): Promise<InvoiceSummary[]> {
  const conditions: SQL[] = [eq(invoices.caseId, caseId)];
  if (!options.includeDrafts) conditions.push(sql`${invoices.state} <> 'draft'`);
  const rows = await summaries(db)
    .where(and(...conditions))
    .orderBy(desc(invoices.createdAt), desc(invoices.id));
  return rows.map((row) => toInvoiceSummary(row));
}

export interface InvoiceFilter {
  state?: InvoiceState | undefined;
  overdue?: boolean | undefined;
  caseId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function filterConditions(filter: InvoiceFilter, today: string): SQL[] {
  const conditions: SQL[] = [];
  if (filter.state) conditions.push(eq(invoices.state, filter.state));
  if (filter.caseId) conditions.push(eq(invoices.caseId, filter.caseId));
  if (filter.from) conditions.push(gte(invoices.issueDate, filter.from));
  if (filter.to) conditions.push(lte(invoices.issueDate, filter.to));
  const unpaid = inArray(invoices.state, ["open", "partially_paid"]);
  if (filter.overdue === true) conditions.push(and(unpaid, lt(invoices.dueDate, today)) as SQL);
  if (filter.overdue === false) {
    conditions.push(
      sql`not (${invoices.state} in ('open', 'partially_paid') and ${invoices.dueDate} < ${today})`,
    );
  }
  return conditions;
}

export async function listInvoices(
  db: DbOrTx,
  filter: InvoiceFilter & { cursor?: Cursor | undefined; limit: number },
): Promise<{ items: InvoiceSummary[]; nextCursor: string | null }> {
  const today = todayUtc();
  const conditions = filterConditions(filter, today);
  if (filter.cursor) conditions.push(olderThan(invoices.createdAt, invoices.id, filter.cursor));
  const rows = await summaries(db)
    .where(and(...conditions))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(filter.limit + 1);
  const page = pageOf(rows, filter.limit, (row) => ({ t: row.cursorAt, id: row.invoice.id }));
  return { items: page.items.map((row) => toInvoiceSummary(row, today)), nextCursor: page.nextCursor };
}

/** Unpaid invoices past due whose next reminder (at +1, +7, +14 days, then the consultant) is due. */
export function listRemindableInvoices(db: DbOrTx, today: string, limit: number) {
  return db
    .select({ invoice: invoices, caseNumber: cases.number, consultantId: cases.consultantId })
    .from(invoices)
    .innerJoin(cases, eq(cases.id, invoices.caseId))
    .where(
      and(
        inArray(invoices.state, ["open", "partially_paid"]),
        lt(invoices.dueDate, today),
        lt(invoices.overdueReminderDay, 14),
      ),
    )
    .orderBy(asc(invoices.dueDate), asc(invoices.id))
    .limit(limit);
}

export async function insertCheckout(
  db: DbOrTx,
  values: { sessionId: string; invoiceId: string; provider: string; amountMinor: number },
): Promise<void> {
  await db.insert(invoiceCheckouts).values(values).onConflictDoNothing();
}

export async function findCheckoutInvoiceId(db: DbOrTx, sessionId: string): Promise<string | null> {
  const [row] = await db
    .select({ invoiceId: invoiceCheckouts.invoiceId })
    .from(invoiceCheckouts)
    .where(eq(invoiceCheckouts.sessionId, sessionId));
  return row?.invoiceId ?? null;
}

/** Claims a gateway event id: true the first time, false on every replay. */
export async function claimPaymentEvent(
  db: DbOrTx,
  event: { id: string; provider: string; type: string },
): Promise<boolean> {
  const rows = await db
    .insert(paymentEvents)
    .values(event)
    .onConflictDoNothing()
    .returning({ id: paymentEvents.id });
  return rows.length > 0;
}

function toTemplate(row: typeof invoiceTemplates.$inferSelect): InvoiceTemplate {
  return {
    id: row.id,
    visaTypeId: row.visaTypeId,
    name: row.name,
    currency: row.currency,
    lines: row.lines,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function insertTemplate(
  db: DbOrTx,
  values: typeof invoiceTemplates.$inferInsert,
): Promise<InvoiceTemplate> {
  const [row] = await db.insert(invoiceTemplates).values(values).returning();
  return toTemplate(row!);
}

export async function findTemplate(db: DbOrTx, id: string): Promise<InvoiceTemplate | null> {
  const [row] = await db.select().from(invoiceTemplates).where(eq(invoiceTemplates.id, id));
  return row ? toTemplate(row) : null;
}

export async function listTemplates(db: DbOrTx, visaTypeId?: string): Promise<InvoiceTemplate[]> {
  const rows = await db
    .select()
    .from(invoiceTemplates)
    .where(visaTypeId ? eq(invoiceTemplates.visaTypeId, visaTypeId) : undefined)
    .orderBy(asc(invoiceTemplates.name));
  return rows.map(toTemplate);
}

/** What an invoice needs of its case: who it bills and the visa type its templates belong to. */
export async function findCaseForInvoice(db: DbOrTx, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      number: cases.number,
      clientId: cases.clientId,
      visaTypeId: cases.visaTypeId,
      outcome: cases.outcome,
      consultantId: cases.consultantId,
    })
    .from(cases)
    .where(eq(cases.id, caseId));
  return row ?? null;
}

export async function visaTypeExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: visaTypes.id }).from(visaTypes).where(eq(visaTypes.id, id));
  return Boolean(row);
}

/** Moves an invoice's reminder step forward; false when another run already sent this one. */
export async function claimReminderStep(db: DbOrTx, invoiceId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(invoices)
    .set({ overdueReminderDay: step })
    .where(and(eq(invoices.id, invoiceId), lt(invoices.overdueReminderDay, step)))
    .returning({ id: invoices.id });
  return rows.length > 0;
}
