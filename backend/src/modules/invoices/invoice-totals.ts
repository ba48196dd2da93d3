import type { InvoiceState } from "@referral-app/shared/schemas/invoice";

export interface PricedLine {
  quantity: number;
  unitAmountMinor: number;
  taxRateBps: number;
}

/** Tax on one line, rounded half away from zero to a whole minor unit (per line, as printed). */
export function lineTax(line: PricedLine): number {
  const amount = line.quantity * line.unitAmountMinor;
  const tax = Math.round((Math.abs(amount) * line.taxRateBps) / 10_000);
  return amount < 0 ? -tax : tax;
}

export function invoiceTotals(lines: readonly PricedLine[]): {
  subtotalMinor: number;
  taxMinor: number;
  totalMinor: number;
} {
  let subtotalMinor = 0;
  let taxMinor = 0;
  for (const line of lines) {
    subtotalMinor += line.quantity * line.unitAmountMinor;
    taxMinor += lineTax(line);
  }
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}

/**
 * The state a sent invoice is in after its money moved: paid once the payments net of refunds
 * cover the total, refunded once everything paid went back, partly paid in between.
 */
export function settledState(totals: {
  totalMinor: number;
  paidMinor: number;
  refundedMinor: number;
}): InvoiceState {
  const net = totals.paidMinor - totals.refundedMinor;
  if (net >= totals.totalMinor && totals.totalMinor >= 0 && (net > 0 || totals.refundedMinor === 0)) {
    return "paid";
  }
  if (net <= 0) return totals.refundedMinor > 0 ? "refunded" : "open";
  return "partially_paid";
}

/** Overdue is read from the due date, never stored: unpaid and past the day it was due. */
export function isOverdue(state: InvoiceState, dueDate: string, today: string): boolean {
  return (state === "open" || state === "partially_paid") && dueDate < today;
}

export const todayUtc = (now = new Date()): string => now.toISOString().slice(0, 10);
