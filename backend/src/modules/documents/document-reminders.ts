import type { AppContext } from "../../context.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { addDays, daysBetween, isoDay, REMINDER_DAYS } from "./document-rules.ts";
import { claimReminder, listValidUntilBetween } from "./documents.repository.ts";

/**
 * Reminds the client and the consultant 90, 30 and 7 days before a document stops meeting its
 * rule. Each document gets the reminder of the window it is in (at most 90 days left: the 90-day
 * one; at most 30: the 30-day one; …), claimed in the transaction that queues the notifications,
 * so each goes out exactly once however often (or late) the job runs. A new expiry date starts over.
 */
export async function remindExpiringDocuments(ctx: AppContext, now = new Date()): Promise<number> {
  const today = isoDay(now);
  const rows = await listValidUntilBetween(ctx.db, today, addDays(today, Math.max(...REMINDER_DAYS)));
  let sent = 0;
  for (const row of rows) {
    const daysLeft = daysBetween(today, row.validUntil!);
    const window = [...REMINDER_DAYS].sort((a, b) => a - b).find((days) => daysLeft <= days)!;
    const name = row.requirements.find((r) => r.id === row.requirementId)?.name ?? "A document";
    const label = row.applicantName ? `${name} (${row.applicantName})` : name;
    const claimed = await ctx.db.transaction(async (tx) => {
      if (
        !(await claimReminder(tx, {
          documentId: row.documentId,
          daysBefore: window,
          validUntil: row.validUntil!,
        }))
      ) {
        return false;
      }
      const recipients = [...new Set([row.clientId, ...(row.consultantId ? [row.consultantId] : [])])];
      for (const userId of recipients) {
        await enqueueNotification(ctx, tx, {
          userId,
          type: "reminder",
          title: `${label} runs out in ${daysLeft} ${daysLeft === 1 ? "day" : "days"}`,
          body: `Case ${row.caseNumber}: ${label} is valid enough until ${row.validUntil}. Please upload a renewed one.`,
          data: { kind: "document", caseId: row.caseId, documentId: row.documentId, daysBefore: window },
          dedupeKey: `document:${row.documentId}:expiry:${row.validUntil}:${window}:${userId}`,
        });
      }
      return true;
    });
    if (claimed) sent += 1;
  }
  return sent;
}
