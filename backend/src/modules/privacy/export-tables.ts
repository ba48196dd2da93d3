// Every column that holds a user's id (a foreign key to users, or named like one) must be listed here:
// exported as rows, exported by a dedicated section, or left out with the reason. data-export.test.ts
// reads information_schema and fails on any column missing from these lists, so a table added later
// (documents, payments, messages…) cannot slip out of "Download my data" unnoticed.

export interface ExportedRows {
  table: string;
  /** The column holding the user's id. */
  column: string;
  /** The key in export.json. */
  section: string;
  /** Columns never exported (secrets, hashes, bytes), with why in a comment beside. */
  omit?: string[];
  /** An extra condition (constant SQL), e.g. only client-visible notes. */
  where?: string;
}

export const EXPORTED_ROWS: ExportedRows[] = [
  // Tokens are bearer secrets: the export shows where and when the user signed in, not the keys.
  { table: "sessions", column: "user_id", section: "sessions", omit: ["token"] },
  // The password hash and provider tokens are secrets, not information about the person.
  {
    table: "accounts",
    column: "user_id",
    section: "signInMethods",
    omit: ["password", "access_token", "refresh_token", "id_token"],
  },
  { table: "push_tokens", column: "user_id", section: "devices", omit: ["token"] },
  { table: "notifications", column: "user_id", section: "notifications" },
  { table: "notification_deliveries", column: "user_id", section: "notificationDeliveries" },
  { table: "analytics_events", column: "user_id", section: "analyticsEvents" },
  { table: "audit_log", column: "actor_id", section: "actionsYouTook" },
  { table: "case_applicants", column: "user_id", section: "casesYouAreOn" },
  { table: "cases", column: "consultant_id", section: "casesYouConsult" },
  { table: "case_stage_history", column: "changed_by", section: "stageChangesYouMade" },
  { table: "case_notes", column: "author_id", section: "notesYouWrote" },
  { table: "case_tasks", column: "assignee_id", section: "tasksAssignedToYou" },
  { table: "case_tasks", column: "completed_by", section: "tasksYouCompleted" },
  { table: "case_tasks", column: "created_by", section: "tasksYouCreated" },
  { table: "case_timeline", column: "actor_id", section: "caseActivityYouCaused" },
  { table: "broadcasts", column: "created_by", section: "broadcastsYouSent" },
  { table: "partner_imports", column: "created_by", section: "importsYouRan" },
  { table: "referral_status_history", column: "changed_by", section: "referralChangesYouMade" },
  { table: "reward_ledger", column: "user_id", section: "rewards" },
  { table: "referrer_visibility", column: "user_id", section: "referrerVisibility" },
  { table: "partner_visibility_grants", column: "user_id", section: "partnerVisibilityGrants" },
  { table: "referral_reviews", column: "resolved_by", section: "reviewsYouResolved" },
  { table: "data_exports", column: "user_id", section: "dataExports" },
  { table: "data_exports", column: "requested_by", section: "dataExportsYouRequested" },
  { table: "account_deletions", column: "user_id", section: "accountDeletions" },
  { table: "account_deletions", column: "requested_by", section: "accountDeletionsYouRequested" },
  { table: "consent_records", column: "user_id", section: "consents" },
  // Messages (docs/messages.md): the conversations the user is in and what they sent.
  { table: "conversation_participants", column: "user_id", section: "conversationsYouAreIn" },
  { table: "conversations", column: "created_by", section: "conversationsYouStarted" },
  { table: "conversations", column: "assignee_id", section: "conversationsAssignedToYou" },
  { table: "messages", column: "sender_id", section: "messagesYouSent" },
  { table: "message_attachments", column: "uploaded_by", section: "attachmentsYouSent" },
  { table: "saved_replies", column: "created_by", section: "savedReplies" },
  // Payments (docs/money.md): the user's invoices (totals, paid and refunded amounts, state), the
  // cash-or-credit choice for rewards, and what staff did in the payments screens.
  { table: "invoices", column: "client_id", section: "invoices" },
  { table: "invoices", column: "created_by", section: "invoicesYouCreated" },
  { table: "invoice_payments", column: "recorded_by", section: "paymentsYouRecorded" },
  { table: "reward_preferences", column: "user_id", section: "rewardPreference" },
  { table: "payout_batches", column: "created_by", section: "payoutBatchesYouCreated" },
  // Documents (docs/documents.md): what the user uploaded, reviewed or agreed to share.
  { table: "document_versions", column: "uploaded_by", section: "documentsYouUploaded" },
  { table: "document_versions", column: "reviewed_by", section: "documentsYouReviewed" },
  { table: "document_share_consents", column: "consented_by", section: "documentSharingYouAgreed" },
];

/** Columns exported by their own section of the builder (shaped, not raw rows). */
export const EXPORTED_BY_SECTION: Record<string, string> = {
  "users.id": "profile (and preferences)",
  "cases.client_id": "cases, with their stage history, client-visible notes, tasks and timeline",
  "referrals.referrer_id": "referralsMade, each at the visibility its friend allows",
  "referrals.referred_user_id": "referralsReceived (who referred you and when)",
  "stored_files.owner_id": "files/ in the zip, with their details in export.json",
};

/** Columns deliberately left out, and why. */
export const NOT_EXPORTED: Record<string, string> = {
  "idempotency_keys.user_id":
    "A replay cache of the user's own API answers (purged after a day): copies of data exported elsewhere.",
};
