// Domain constants shared by every app and the backend. Values are the wire values.

export const VISA_STAGES = [
  { id: "enquiry", name: "Enquiry", order: 1 },
  { id: "detailed_enquiry", name: "Detailed Enquiry", order: 2 },
  { id: "assessment", name: "Assessment", order: 3 },
  { id: "application", name: "Application", order: 4 },
  { id: "payment", name: "Payment", order: 5 },
] as const;

export type VisaStageId = (typeof VISA_STAGES)[number]["id"];
export const VISA_STAGE_IDS = VISA_STAGES.map((stage) => stage.id) as [VisaStageId, ...VisaStageId[]];

/** The stage after `stage`, or null when `stage` is the last one. */
export function nextVisaStage(stage: VisaStageId): VisaStageId | null {
  const index = VISA_STAGE_IDS.indexOf(stage);
  return VISA_STAGE_IDS[index + 1] ?? null;
}

export const NOTIFICATION_TYPES = {
  STATUS_UPDATE: "status_update",
  REMINDER: "reminder",
  REFERRAL: "referral",
  SYSTEM: "system",
  PROMOTIONAL: "promotional",
  MESSAGE: "message",
} as const;

export type NotificationType = (typeof NOTIFICATION_TYPES)[keyof typeof NOTIFICATION_TYPES];
export const NOTIFICATION_TYPE_VALUES = Object.values(NOTIFICATION_TYPES) as [
  NotificationType,
  ...NotificationType[],
];

export const NOTIFICATION_CHANNELS = ["inApp", "email", "push"] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const REFERRAL_STATUSES = {
  PENDING: "pending",
  CONTACTED: "contacted",
  QUALIFIED: "qualified",
  CONVERTED: "converted",
  REJECTED: "rejected",
} as const;

export type ReferralStatus = (typeof REFERRAL_STATUSES)[keyof typeof REFERRAL_STATUSES];
export const REFERRAL_STATUS_VALUES = Object.values(REFERRAL_STATUSES) as [
  ReferralStatus,
  ...ReferralStatus[],
];

/** The pipeline only moves forward; converted and rejected are final. */
export const REFERRAL_STATUS_TRANSITIONS: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  pending: ["contacted", "rejected"],
  contacted: ["qualified", "rejected"],
  qualified: ["converted", "rejected"],
  converted: [],
  rejected: [],
};

export function canTransitionReferral(from: ReferralStatus, to: ReferralStatus): boolean {
  return REFERRAL_STATUS_TRANSITIONS[from].includes(to);
}

export function isFinalReferralStatus(status: ReferralStatus): boolean {
  return REFERRAL_STATUS_TRANSITIONS[status].length === 0;
}

export const USER_ROLES = ["client", "staff", "admin", "partner"] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const STAFF_ROLES: readonly UserRole[] = ["staff", "admin"];

export function isStaffRole(role: UserRole): boolean {
  return STAFF_ROLES.includes(role);
}

export const THEMES = ["light", "dark", "auto"] as const;
export type Theme = (typeof THEMES)[number];

export const LANGUAGES = ["en", "es"] as const;
export type Language = (typeof LANGUAGES)[number];

export const RELATIONSHIPS = ["friend", "family", "colleague", "other"] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

export const VISA_INTERESTS = [
  "student",
  "work",
  "skilled",
  "family",
  "visitor",
  "business",
  "other",
] as const;
export type VisaInterest = (typeof VISA_INTERESTS)[number];

export const REFERRAL_SOURCES = ["client", "partner", "signup"] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

/** The one ledger: pending → approved → paid (cash) or credited (on the referrer's invoice); or reversed. */
export const REWARD_STATUSES = ["pending", "approved", "paid", "credited", "reversed"] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

export const REWARD_STATUS_TRANSITIONS: Readonly<Record<RewardStatus, readonly RewardStatus[]>> = {
  pending: ["approved", "reversed"],
  approved: ["paid", "credited", "reversed"],
  paid: [],
  credited: [],
  reversed: [],
};

/** Credited to the referrer when a referral converts, unless configured otherwise. */
export const DEFAULT_REFERRAL_REWARD = { amountMinor: 10_000, currency: "USD" } as const;

export const FEATURE_FLAGS = {
  REFERRAL_ANALYTICS: "referral-analytics",
  ADVANCED_FILTERS: "advanced-filters",
} as const;

export const PAGINATION = { DEFAULT_LIMIT: 20, MAX_LIMIT: 100 } as const;

/** The header a client sets on a POST so that a retry returns the first response. */
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";

/** How a visa case was decided; a decided case is closed until reopened. */
export const CASE_OUTCOMES = ["granted", "refused", "withdrawn"] as const;
export type CaseOutcomeId = (typeof CASE_OUTCOMES)[number];

/** `internal` notes are for staff only; `client` notes are shown to the client and applicants. */
export const NOTE_VISIBILITIES = ["internal", "client"] as const;

export const CASE_TASK_STATES = ["open", "done"] as const;

/** How a dependant on a case relates to the principal applicant. */
export const DEPENDANT_RELATIONSHIPS = ["spouse", "partner", "child", "parent", "sibling", "other"] as const;

/** What a referred friend lets their referrer see, least to most (default `signed_up`). */
export const REFERRER_VISIBILITY_LEVELS = [
  "nothing",
  "signed_up",
  "current_stage",
  "stage_and_outcome",
] as const;
export type ReferrerVisibilityLevel = (typeof REFERRER_VISIBILITY_LEVELS)[number];
export const DEFAULT_REFERRER_VISIBILITY: ReferrerVisibilityLevel = "signed_up";

/** Why a referral went to the staff review queue. */
export const REFERRAL_REVIEW_REASONS = [
  "already_referred",
  "partner_client_conflict",
  "self_referral_phone",
  "disposable_email",
  "daily_limit",
] as const;
export type ReferralReviewReason = (typeof REFERRAL_REVIEW_REASONS)[number];
export const REFERRAL_REVIEW_STATES = ["open", "valid", "invalid"] as const;
export type ReferralReviewState = (typeof REFERRAL_REVIEW_STATES)[number];

export const DATA_EXPORT_STATES = ["queued", "running", "ready", "failed", "expired"] as const;
export type DataExportState = (typeof DATA_EXPORT_STATES)[number];

/** The marketing consent text's version: a new wording needs a new version (and a fresh opt-in). */
export const MARKETING_CONSENT_VERSION = "2026-12-01";
