import { fromMinorUnits } from "@referral-app/shared/formatting";
import type { AdminInvoiceListQuery } from "@referral-app/shared/schemas/invoice";
import type { AppContext } from "../../context.ts";
import { csvLine } from "../../lib/csv.ts";
import { filterOf, searchInvoices } from "./invoices.service.ts";

const COLUMNS = [
  "number",
  "state",
  "overdue",
  "case",
  "client",
  "currency",
  "issue_date",
  "due_date",
  "subtotal",
  "tax",
  "total",
  "paid",
  "refunded",
  "balance",
] as const;

/** Every matching invoice, a page at a time, so a large export never sits in memory. */
export async function* exportInvoicesCsv(
  ctx: AppContext,
  query: Omit<AdminInvoiceListQuery, "cursor" | "limit">,
): AsyncGenerator<string> {
  yield csvLine(COLUMNS);
  let cursor: string | undefined;
  do {
    const page = await searchInvoices(ctx, { ...filterOf(query), cursor, limit: 100 });
    let chunk = "";
    for (const invoice of page.items) {
      const major = (minor: number) => fromMinorUnits(minor, invoice.currency);
      chunk += csvLine([
        invoice.number ?? "draft",
        invoice.state,
        invoice.overdue ? "yes" : "no",
        invoice.caseNumber,
        invoice.clientName,
        invoice.currency,
        invoice.issueDate,
        invoice.dueDate,
        major(invoice.subtotalMinor),
        major(invoice.taxMinor),
        major(invoice.totalMinor),
        major(invoice.paidMinor),
        major(invoice.refundedMinor),
        major(invoice.balanceMinor),
      ]);
    }
    yield chunk;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
