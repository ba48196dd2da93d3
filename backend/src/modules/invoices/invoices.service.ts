import { isStaffRole } from "@referral-app/shared/constants";
import { currencyMinorUnits, formatCurrency } from "@referral-app/shared/formatting";
import type {
  AdminInvoiceListQuery,
  CreateInvoiceData,
  CreateInvoiceTemplateData,
  Invoice,
  InvoiceLineInput,
  InvoiceSummary,
  InvoiceTemplate,
  UpdateInvoiceData,
  VoidInvoiceData,
} from "@referral-app/shared/schemas/invoice";
import type { AppContext } from "../../context.ts";
import type { DbOrTx, Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { assertCaseReadable } from "../cases/cases.service.ts";
import { enqueueNotification, queueActionMail } from "../notifications/notifications.service.ts";
import { getSettings } from "../settings/settings.service.ts";
import { applyReferralCredit, returnReferralCredit } from "./invoice-credit.ts";
import { renderInvoicePdf } from "./invoice-pdf.ts";
import { auditPdfDownload } from "./invoice-pdf-audit.ts";
import { invoiceTotals, todayUtc } from "./invoice-totals.ts";
import {
  findCaseForInvoice,
  findInvoice,
  findInvoiceRow,
  findTemplate,
  type InvoiceDetail,
  type InvoiceFilter,
  type InvoiceRow,
  insertInvoice,
  insertTemplate,
  listCaseInvoices,
  listInvoices,
  listLineRows,
  listTemplates,
  type NewLine,
  nextInvoiceNumber,
  replaceLines,
  updateInvoiceRow,
  visaTypeExists,
} from "./invoices.repository.ts";
import { completeStageWhenPaid } from "./stage-invoice.ts";

export { latestIssuedInvoiceDate } from "./invoice-retention.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Due two weeks after issue unless staff say otherwise. */
const DEFAULT_TERM_DAYS = 14;

function invalid(field: string, message: string): DomainError {
  return new DomainError("VALIDATION_ERROR", message, { fields: { [field]: [message] } });
}

function checkCurrency(currency: string): void {
  try {
    currencyMinorUnits(currency);
  } catch {
    throw invalid("currency", `Unknown currency: ${currency}`);
  }
}

/** Lines as stored: each tax rate looked up in the settings (an unknown one is a 400 on its field). */
async function pricedLines(ctx: AppContext, lines: readonly InvoiceLineInput[]): Promise<NewLine[]> {
  const { taxRates } = await getSettings(ctx);
  return lines.map((line, index) => {
    const rate = line.taxRateId ? taxRates.find((entry) => entry.id === line.taxRateId) : null;
    if (line.taxRateId && !rate)
      throw invalid(`lines.${index}.taxRateId`, `Unknown tax rate: ${line.taxRateId}`);
    return {
      kind: "item" as const,
      description: line.description.trim(),
      quantity: line.quantity ?? 1,
      unitAmountMinor: line.unitAmountMinor,
      taxRateId: rate?.id ?? null,
      taxRateName: rate?.name ?? null,
      taxRateBps: rate?.rateBps ?? 0,
    };
  });
}

/** Keeps the stored totals equal to the lines (they are what lists, filters and reminders read). */
export async function refreshTotals(tx: DbOrTx, invoiceId: string) {
  const totals = invoiceTotals(await listLineRows(tx, invoiceId));
  await updateInvoiceRow(tx, invoiceId, totals);
  return totals;
}

async function loaded(ctx: AppContext, id: string): Promise<InvoiceDetail> {
  const invoice = await findInvoice(ctx.db, id);
  if (!invoice) throw notFound("Invoice");
  return invoice;
}

const publicInvoice = ({ clientEmail: _email, ...invoice }: InvoiceDetail): Invoice => invoice;

/** An invoice the caller may read: staff any, the case's people once it is sent; others 404. */
export async function readInvoice(ctx: AppContext, actor: Actor, id: string): Promise<InvoiceDetail> {
  const invoice = await loaded(ctx, id);
  if (isStaffRole(actor.role)) return invoice;
  if (invoice.state === "draft") throw notFound("Invoice");
  if (invoice.clientId !== actor.id) await assertCaseReadable(ctx, actor, invoice.caseId);
  return invoice;
}

export async function getInvoice(ctx: AppContext, actor: Actor, id: string): Promise<Invoice> {
  return publicInvoice(await readInvoice(ctx, actor, id));
}

export async function getCaseInvoices(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
): Promise<InvoiceSummary[]> {
  await assertCaseReadable(ctx, actor, caseId);
  return listCaseInvoices(ctx.db, caseId, { includeDrafts: isStaffRole(actor.role) });
}

export function searchInvoices(ctx: AppContext, query: AdminInvoiceListQuery) {
  return listInvoices(ctx.db, {
    ...filterOf(query),
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit,
  });
}

export function filterOf(query: InvoiceFilter): InvoiceFilter {
  return { state: query.state, overdue: query.overdue, caseId: query.caseId, from: query.from, to: query.to };
}

export async function createInvoice(
  ctx: AppContext,
  actor: Actor,
  input: CreateInvoiceData,
): Promise<Invoice> {
  const visaCase = await findCaseForInvoice(ctx.db, input.caseId);
  if (!visaCase) throw notFound("Case");
  const template = input.templateId ? await findTemplate(ctx.db, input.templateId) : null;
  if (input.templateId && !template) throw invalid("templateId", "Unknown invoice template");
  if (template && template.visaTypeId !== visaCase.visaTypeId) {
    throw invalid("templateId", "The template belongs to another visa type");
  }
  const currency = input.currency ?? template?.currency ?? ctx.config.referralReward.currency;
  checkCurrency(currency);
  const lines = await pricedLines(ctx, [...(template?.lines ?? []), ...(input.lines ?? [])]);
  const issueDate = input.issueDate ?? todayUtc();
  const dueDate =
    input.dueDate ??
    new Date(new Date(`${issueDate}T00:00:00Z`).getTime() + DEFAULT_TERM_DAYS * DAY_MS)
      .toISOString()
      .slice(0, 10);
  if (dueDate < issueDate) throw invalid("dueDate", "The due date cannot be before the issue date");
  const id = await ctx.db.transaction(async (tx) => {
    const row = await insertInvoice(tx, {
      caseId: visaCase.id,
      clientId: visaCase.clientId,
      currency,
      isStageInvoice: input.isStageInvoice ?? false,
      issueDate,
      dueDate,
      notes: input.notes ?? null,
      createdBy: actor.id,
    });
    await replaceLines(tx, row.id, lines);
    const totals = await refreshTotals(tx, row.id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "invoice.created",
      entityType: "invoice",
      entityId: row.id,
      after: { caseId: visaCase.id, currency, ...totals, templateId: template?.id ?? null },
    });
    return row.id;
  });
  return publicInvoice(await loaded(ctx, id));
}

async function draftForUpdate(tx: Tx, id: string): Promise<InvoiceRow> {
  const row = await findInvoiceRow(tx, id, { forUpdate: true });
  if (!row) throw notFound("Invoice");
  if (row.state !== "draft") {
    throw new DomainError("INVALID_TRANSITION", "Only a draft can be changed; void it and issue a new one");
  }
  return row;
}

export async function updateInvoice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateInvoiceData,
): Promise<Invoice> {
  if (Object.keys(input).length === 0) throw new DomainError("VALIDATION_ERROR", "Nothing to change");
  if (input.currency) checkCurrency(input.currency);
  const lines = input.lines ? await pricedLines(ctx, input.lines) : null;
  await ctx.db.transaction(async (tx) => {
    const row = await draftForUpdate(tx, id);
    const issueDate = input.issueDate ?? row.issueDate;
    const dueDate = input.dueDate ?? row.dueDate;
    if (dueDate < issueDate) throw invalid("dueDate", "The due date cannot be before the issue date");
    const { lines: _lines, ...fields } = input;
    await updateInvoiceRow(tx, id, fields);
    if (lines) await replaceLines(tx, id, lines);
    const totals = await refreshTotals(tx, id);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "invoice.updated",
      entityType: "invoice",
      entityId: id,
      before: { totalMinor: row.totalMinor, dueDate: row.dueDate, currency: row.currency },
      after: { ...fields, ...totals },
    });
  });
  return publicInvoice(await loaded(ctx, id));
}

/** Notifies the invoice's client inside the change's transaction. */
export async function notifyClient(
  ctx: AppContext,
  tx: Tx,
  row: Pick<InvoiceRow, "id" | "clientId" | "caseId" | "number">,
  message: { title: string; body: string; key: string; type?: "status_update" | "reminder" },
): Promise<void> {
  await enqueueNotification(ctx, tx, {
    userId: row.clientId,
    type: message.type ?? "status_update",
    title: message.title,
    body: message.body,
    data: { kind: "invoice", invoiceId: row.id, caseId: row.caseId, invoiceNumber: row.number },
    dedupeKey: `invoice:${row.id}:${message.key}`,
  });
}

export const invoiceLink = (ctx: AppContext, row: Pick<InvoiceRow, "caseId" | "id">): string =>
  `${ctx.config.publicUrl}/cases/${row.caseId}?invoice=${row.id}`;

/**
 * Issues a draft: it gets the next number of the year, the referrer's credit is applied, and the
 * client is e-mailed a link and notified, all in one transaction.
 */
export async function sendInvoice(ctx: AppContext, actor: Actor, id: string): Promise<Invoice> {
  const invoice = await loaded(ctx, id);
  await ctx.db.transaction(async (tx) => {
    const row = await draftForUpdate(tx, id);
    if (invoice.lines.length === 0)
      throw new DomainError("UNPROCESSABLE", "Add at least one line before sending");
    const number = await nextInvoiceNumber(tx, Number(row.issueDate.slice(0, 4)));
    await applyReferralCredit(tx, { ...row, number });
    const totals = await refreshTotals(tx, id);
    const now = new Date();
    // A fully credited invoice owes nothing: it is paid as it is issued.
    const state = totals.totalMinor <= 0 ? "paid" : "open";
    await updateInvoiceRow(tx, id, { number, state, sentAt: now });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "invoice.sent",
      entityType: "invoice",
      entityId: id,
      before: { state: "draft" },
      after: { state, number, currency: row.currency, ...totals },
    });
    const amount = formatCurrency(totals.totalMinor, row.currency);
    const sent = { ...row, number };
    const paid = state === "paid";
    await notifyClient(ctx, tx, sent, {
      title: `Invoice ${number}`,
      body: paid
        ? `Invoice ${number} is already paid in full: there is nothing to pay.`
        : `Invoice ${number} for ${amount} is due on ${row.dueDate}.`,
      key: "sent",
    });
    await completeStageWhenPaid(ctx, tx, sent, state, actor);
    await queueActionMail(
      ctx,
      {
        to: invoice.clientEmail,
        name: invoice.clientName,
        subject: `Invoice ${number}: ${amount}`,
        intro: paid
          ? `Your invoice ${number} (case ${invoice.caseNumber}) is ready. It is already paid in full: there is nothing to pay.`
          : `Your invoice ${number} for ${amount} (case ${invoice.caseNumber}) is ready. It is due on ${row.dueDate}.`,
        action: {
          label: paid ? "View the invoice" : "View and pay the invoice",
          url: invoiceLink(ctx, row),
        },
      },
      tx,
    );
  });
  return publicInvoice(await loaded(ctx, id));
}

/**
 * Cancels an invoice that holds no money (nothing paid, or everything paid refunded); its number stays
 * used (the series never reuses one). Referral credit taken off it is given back to the referrer.
 * Voiding a void invoice again changes nothing and answers it as it is, so a retry is safe.
 */
export async function voidInvoice(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: VoidInvoiceData,
): Promise<Invoice> {
  await ctx.db.transaction(async (tx) => {
    const row = await findInvoiceRow(tx, id, { forUpdate: true });
    if (!row) throw notFound("Invoice");
    if (row.state === "void") return;
    if (row.paidMinor - row.refundedMinor > 0) {
      throw new DomainError(
        "INVALID_TRANSITION",
        `A ${row.state.replace("_", " ")} invoice cannot be voided; refund it first`,
      );
    }
    await updateInvoiceRow(tx, id, { state: "void" });
    const creditReturnedMinor = row.number
      ? await returnReferralCredit(tx, { ...row, number: row.number }, actor.id)
      : 0;
    await writeAudit(tx, {
      actorId: actor.id,
      action: "invoice.voided",
      entityType: "invoice",
      entityId: id,
      before: { state: row.state },
      after: { state: "void", reason: input.reason, currency: row.currency, creditReturnedMinor },
    });
    if (row.state !== "draft") {
      const credit =
        creditReturnedMinor > 0
          ? ` Your referral credit of ${formatCurrency(creditReturnedMinor, row.currency)} is available again for your next invoice.`
          : "";
      await notifyClient(ctx, tx, row, {
        title: `Invoice ${row.number} cancelled`,
        body: `Invoice ${row.number} was cancelled: ${input.reason}. You owe nothing on it.${credit}`,
        key: "void",
      });
    }
  });
  return publicInvoice(await loaded(ctx, id));
}

export function getTemplates(ctx: AppContext, visaTypeId?: string): Promise<InvoiceTemplate[]> {
  return listTemplates(ctx.db, visaTypeId);
}

export async function createTemplate(
  ctx: AppContext,
  actor: Actor,
  input: CreateInvoiceTemplateData,
): Promise<InvoiceTemplate> {
  checkCurrency(input.currency);
  if (!(await visaTypeExists(ctx.db, input.visaTypeId))) throw invalid("visaTypeId", "Unknown visa type");
  const lines = await pricedLines(ctx, input.lines);
  return ctx.db.transaction(async (tx) => {
    const template = await insertTemplate(tx, {
      visaTypeId: input.visaTypeId,
      name: input.name,
      currency: input.currency,
      lines: lines.map((line) => ({
        description: line.description,
        quantity: line.quantity,
        unitAmountMinor: line.unitAmountMinor,
        taxRateId: line.taxRateId ?? null,
      })),
    });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "invoice_template.created",
      entityType: "invoice_template",
      entityId: template.id,
      after: { name: template.name, visaTypeId: template.visaTypeId },
    });
    return template;
  });
}

/** The PDF's file name; a receipt needs a payment first (409). */
export function pdfFileName(invoice: Invoice, kind: "invoice" | "receipt"): string {
  if (kind === "receipt" && !invoice.payments.some((payment) => payment.kind === "payment")) {
    throw new DomainError("CONFLICT", "Nothing has been paid on this invoice yet");
  }
  const name = invoice.number ?? `draft-${invoice.id.slice(0, 8)}`;
  return kind === "receipt" ? `receipt-${name}.pdf` : `${name}.pdf`;
}

/** The invoice or its receipt as PDF, with the consultancy's letterhead (audited); a receipt needs a payment. */
export async function getInvoicePdf(
  ctx: AppContext,
  actor: Actor,
  id: string,
  kind: "invoice" | "receipt",
): Promise<{ filename: string; pdf: Buffer }> {
  const invoice = await readInvoice(ctx, actor, id);
  const filename = pdfFileName(invoice, kind);
  const pdf = await renderInvoicePdf(invoice, await getSettings(ctx), kind);
  await auditPdfDownload(ctx.db, { actorId: actor.id, invoice, kind, via: "session" });
  return { filename, pdf };
}
