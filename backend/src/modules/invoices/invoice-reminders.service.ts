import { formatCurrency } from "@referral-app/shared/formatting";
import type { AppContext } from "../../context.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { todayUtc } from "./invoice-totals.ts";
import { claimReminderStep, listRemindableInvoices } from "./invoices.repository.ts";
import { notifyClient } from "./invoices.service.ts";

/** Days past the due date the client is reminded; the consultant is told with the last one. */
export const OVERDUE_REMINDER_DAYS = [1, 7, 14] as const;
const BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * Sends each unpaid invoice's due reminder once: the step is claimed with a conditional update in the
 * same transaction as the notification, so overlapping runs never send one twice. After a pause only
 * the latest due step is sent (no burst of stale reminders).
 */
export async function remindOverdueInvoices(ctx: AppContext, now = new Date()): Promise<number> {
  const today = todayUtc(now);
  const rows = await listRemindableInvoices(ctx.db, today, BATCH);
  let sent = 0;
  for (const { invoice, caseNumber, consultantId } of rows) {
    const late = daysBetween(invoice.dueDate, today);
    const step = OVERDUE_REMINDER_DAYS.filter((day) => day <= late).at(-1);
    if (step === undefined || step <= invoice.overdueReminderDay) continue;
    const balance = formatCurrency(
      invoice.totalMinor - (invoice.paidMinor - invoice.refundedMinor),
      invoice.currency,
    );
    const claimed = await ctx.db.transaction(async (tx) => {
      if (!(await claimReminderStep(tx, invoice.id, step))) return false;
      await notifyClient(ctx, tx, invoice, {
        type: "reminder",
        title: `Invoice ${invoice.number} is overdue`,
        body: `Invoice ${invoice.number} (${balance} due) was due on ${invoice.dueDate}, ${late} day${late === 1 ? "" : "s"} ago.`,
        key: `overdue:${step}`,
      });
      if (step === OVERDUE_REMINDER_DAYS.at(-1) && consultantId) {
        await enqueueNotification(ctx, tx, {
          userId: consultantId,
          type: "reminder",
          title: `Invoice ${invoice.number} is ${late} days overdue`,
          body: `The client on case ${caseNumber} has had three reminders; ${balance} is still due on invoice ${invoice.number}.`,
          data: {
            kind: "invoice",
            invoiceId: invoice.id,
            caseId: invoice.caseId,
            invoiceNumber: invoice.number,
          },
          dedupeKey: `invoice:${invoice.id}:overdue-consultant`,
        });
      }
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}
