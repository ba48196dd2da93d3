import type { ReferralReviewReason, ReferralReviewState } from "@referral-app/shared/constants";

// The review queue's words (English, like the rest of the staff app until it is translated).
export const reviewStrings = {
  nav: "Referral reviews",
  title: "Referral reviews",
  description: "Referrals a fraud rule flagged. Nothing is rejected until someone here decides.",
  state: "Show",
  reason: "Reason",
  all: "All reasons",
  loading: "Loading reviews…",
  empty: "Nothing waiting for review.",
  states: { open: "Waiting", valid: "Found valid", invalid: "Found invalid" } satisfies Record<
    ReferralReviewState,
    string
  >,
  reasons: {
    already_referred: "Already referred by someone else",
    partner_client_conflict: "Claimed by a partner and a client",
    self_referral_phone: "Referrer's own phone on a second e-mail",
    disposable_email: "Throw-away e-mail address",
    daily_limit: "Over the daily referral limit",
  } satisfies Record<ReferralReviewReason, string>,
  referral: "Referral",
  referredBy: (name: string) => `Referred by ${name}`,
  firstReferral: (name: string, date: string) => `First referred by ${name} on ${date}`,
  flagged: "Flagged",
  decision: "Decision",
  valid: "Valid",
  invalid: "Invalid",
  resolve: "Resolve",
  resolveTitle: "Resolve this review",
  resolveDescription: (name: string) =>
    `${name}: both referrers are told the outcome for their own referral, never who the other one is.`,
  reasonLabel: "Reason (shown to the referrer)",
  reasonRequired: "Give a reason: the referrer is told why their referral was not accepted.",
  confirm: "Confirm decision",
  cancel: "Cancel",
  close: "Close",
  done: "Review resolved",
  resolution: (reason: string) => `Reason: ${reason}`,
  settingsTitle: "Fraud limit and retention",
  settingsDescription: "Admins only. The retention job applies these every night and logs what it removed.",
  settings: {
    maxReferralsPerDay: "Referrals per referrer per day before review",
    caseDocumentRetentionMonths: "Delete a decided case's documents after (months)",
    notificationRetentionDays: "Delete notifications after (days)",
    analyticsRetentionMonths: "Aggregate and drop analytics events after (months)",
    invoiceRetentionYears: "Keep invoices for (years)",
  },
  saveSettings: "Save settings",
  settingsSaved: "Settings saved",
};
