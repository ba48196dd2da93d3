import type { Notification } from "@referral-app/shared/schemas/notification";

/**
 * Where a notification leads: its case (stage changes, tasks, notes, invoices: an invoice's
 * notification names its case), else its referral (status changes, rewards). Null for broadcasts.
 */
export function notificationLink(notification: Pick<Notification, "data">): string | null {
  const data = notification.data ?? {};
  const id = (key: string) => (typeof data[key] === "string" && data[key] ? (data[key] as string) : null);
  const caseId = id("caseId");
  if (caseId) return `/cases/${encodeURIComponent(caseId)}${id("invoiceId") ? "#invoices" : ""}`;
  const referralId = id("referralId");
  if (referralId) return `/referrals?referral=${encodeURIComponent(referralId)}`;
  return null;
}
