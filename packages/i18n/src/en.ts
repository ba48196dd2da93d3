import type {
  CaseOutcomeId,
  NotificationChannel,
  NotificationType,
  ReferralSource,
  ReferralStatus,
  Relationship,
  RewardStatus,
  Theme,
  UserRole,
  VisaInterest,
  VisaStageId,
} from "@referral-app/shared/constants";

// The words every app shows the same way (web, mobile, staff, partner), written once. Keys follow
// i18next: `{{name}}` placeholders and `_one`/`_other` plural forms (resolved with Intl.PluralRules).
// Apps spread these into their own resources at the paths their screens already use.

const stages = {
  enquiry: "Enquiry",
  detailed_enquiry: "Detailed enquiry",
  assessment: "Assessment",
  application: "Application",
  payment: "Payment",
} satisfies Record<VisaStageId, string>;

const referralStatus = {
  pending: "Pending",
  contacted: "Contacted",
  qualified: "Qualified",
  converted: "Converted",
  rejected: "Rejected",
} satisfies Record<ReferralStatus, string>;

const relationship = {
  friend: "Friend",
  family: "Family",
  colleague: "Colleague",
  other: "Other",
} satisfies Record<Relationship, string>;

const visaInterest = {
  student: "Student",
  work: "Work",
  skilled: "Skilled migration",
  family: "Family",
  visitor: "Visitor",
  business: "Business",
  other: "Other",
} satisfies Record<VisaInterest, string>;

const notificationType = {
  status_update: "Case updates",
  reminder: "Reminders",
  referral: "Referrals",
  system: "Account and security",
  promotional: "News and offers",
  message: "Messages",
} satisfies Record<NotificationType, string>;

const notificationChannel = {
  inApp: "In app",
  email: "Email",
  push: "Push",
} satisfies Record<NotificationChannel, string>;

const rewardStatus = {
  pending: "Pending",
  approved: "Approved",
  paid: "Paid",
  credited: "Taken as credit",
  reversed: "Reversed",
} satisfies Record<RewardStatus, string>;

const role = {
  client: "Client",
  staff: "Consultant",
  admin: "Admin",
  partner: "Partner",
} satisfies Record<UserRole, string>;

const referralSource = {
  client: "Referred by a client",
  partner: "Submitted by a partner",
  signup: "Signed up with a referral link",
} satisfies Record<ReferralSource, string>;

const caseOutcome = {
  granted: "Visa granted",
  refused: "Visa refused",
  withdrawn: "Application withdrawn",
} satisfies Record<CaseOutcomeId, string>;

export const en = {
  stages,
  referralStatus,
  relationship,
  visaInterest,
  notificationType,
  notificationChannel,
  rewardStatus,
  role,
  referralSource,
  caseOutcome,
  /** What a client's own audit trail ("My activity") calls each action. */
  accountActivity: {
    "auth.signed_in": "Signed in",
    "auth.sign_in_failed": "Failed sign-in",
    "auth.password_reset_requested": "Password reset requested",
    "auth.password_reset": "Password changed",
    "privacy.visibility_changed": "Referrer visibility changed",
    "privacy.export_requested": "Data export requested",
    "privacy.export_downloaded": "Data export downloaded",
    "privacy.deletion_requested": "Account deletion requested",
    "privacy.deletion_cancelled": "Account deletion cancelled",
    "consent.marketing_granted": "Agreed to news and offers",
    "consent.marketing_withdrawn": "Withdrew consent to news and offers",
    "user.profile_updated": "Profile changed",
    other: "Account change",
  },
  dependantRelationship: {
    spouse: "Spouse",
    partner: "Partner",
    child: "Child",
    parent: "Parent",
    sibling: "Sibling",
    other: "Other family",
  },
  theme: { label: "Theme", light: "Light", dark: "Dark", auto: "System" } satisfies Record<
    Theme | "label",
    string
  >,
  language: { label: "Language", en: "English", es: "Español" },
  country: {
    label: "Country",
    choose: "Choose a country",
    none: "Not given",
    unknown: "Unknown country ({{code}})",
  },
  common: {
    loading: "Loading…",
    save: "Save",
    saveChanges: "Save changes",
    cancel: "Cancel",
    close: "Close",
    dismiss: "Dismiss",
    retry: "Try again",
    apply: "Apply",
    reset: "Reset",
    choose: "Choose…",
    all: "All",
    none: "None",
    yes: "Yes",
    no: "No",
    previous: "Previous",
    next: "Next",
    loadMore: "Load more",
    loadingMore: "Loading more…",
    end: "That's everything.",
    optional: "optional",
    signOut: "Sign out",
    toasts: "Notifications",
    skipToContent: "Skip to main content",
    notFound: "This page does not exist.",
    genericError: "Something went wrong. Please try again.",
    networkError: "We could not reach the server. Check your connection and try again.",
    originNotAllowed: "This address is not allowed to sign in here. Open the app at its usual address.",
    rateLimited: "Too many attempts. Try again in {{seconds}} s.",
    offline: "You are offline.",
    system: "System",
    notSet: "Not set",
  },
  validation: {
    email: "Enter a valid email address",
    name: "Enter a name",
    passwordRequired: "Enter your password",
    password: "Use 8 to 128 characters, without leading or trailing spaces",
    phone: "Enter a valid phone number, e.g. +61 400 123 456",
    country: "Choose a country from the list",
    referralCode: "Referral codes are 6 to 12 letters and digits",
    url: "Enter a full web address starting with https://",
    tooLong: "This is too long",
    required: "This field is required",
    invalid: "This value is not valid",
    passwordCommon: "This is one of the most common passwords, so it is easy to guess: choose another",
    passwordContainsEmail: "Your password must not contain your email address",
    passwordRepetitive: "Use more than two different characters",
  },
  /**
   * Notification titles rebuilt from their data, so they follow the reader's language switch. The English
   * is word for word what the server sends today (the list reads the same until the language changes).
   */
  notificationTitle: {
    referral: {
      pending: "Referral pending",
      contacted: "Referral contacted",
      qualified: "Referral qualified",
      converted: "Referral converted",
      rejected: "Referral closed",
    },
    reward: {
      pending: "Reward pending",
      approved: "Reward approved",
      paid: "Reward paid",
      credited: "Reward taken as credit",
      reversed: "Reward reversed",
    },
    referral_pending: "Referral not contacted in time",
    case_task_overdue: "Task overdue",
    case_opened: "New case {{number}}",
    case_outcome_decided: "Decision on case {{number}}",
    case_reopened: "Case {{number}} reopened",
    case_consultant_assigned: "Case {{number}} reassigned",
    case_note_added: "New note on case {{number}}",
    case_task_created: "New task",
    case_task_completed: "Task done on case {{number}}",
  },
  counts: {
    entries_one: "{{count}} entry",
    entries_other: "{{count}} entries",
    referrals_one: "{{count}} referral",
    referrals_other: "{{count}} referrals",
    rows_one: "{{count}} row",
    rows_other: "{{count}} rows",
    documents_one: "{{count}} document",
    documents_other: "{{count}} documents",
    days_one: "{{count}} day",
    days_other: "{{count}} days",
    selected_one: "{{count}} selected",
    selected_other: "{{count}} selected",
  },
  // A message thread's words: the client apps and both consoles show the same thread (an app may
  // override a phrase, e.g. the staff composer says "Reply").
  messages: {
    title: "Messages",
    back: "All messages",
    noMessages: "No messages yet",
    unread_one: "{{count}} unread",
    unread_other: "{{count}} unread",
    thread: {
      label: "Message",
      placeholder: "Write a message…",
      send: "Send",
      attach: "Attach a file",
      removeAttachment: "Remove {{name}}",
      uploading: "Uploading attachments…",
      charactersLeft: "{{count}} characters left",
      sendFailed: "The message was not sent. Try again.",
      loading: "Loading messages…",
      loadError: "The messages could not be loaded.",
      empty: "No messages yet. Write the first one.",
      earlier: "Show earlier messages",
      you: "You",
      formerParticipant: "Former participant",
      edited: "edited",
      deleted: "Message deleted",
      edit: "Edit",
      save: "Save",
      cancel: "Cancel",
      delete: "Delete",
      confirmDelete: "Delete this message? Everyone will see “Message deleted”.",
      seen: "Seen",
      readOnly: "You can read this conversation but not write in it.",
      openAttachment: "Open {{name}}",
      threadLabel: "Messages in this conversation",
    },
  },
  conversationState: { open: "Open", waiting_on_client: "Waiting on client", closed: "Closed" },
  // An invoice as the client sees it, on the web and in the Expo app.
  invoices: {
    title: "Invoices",
    empty: "No invoices on this case yet.",
    number: "Invoice {{number}}",
    summary: "{{total}}, due {{due}}",
    balance: "Still to pay: {{amount}}",
    overdue: "Overdue",
    states: {
      draft: "Draft",
      open: "Due",
      partially_paid: "Partly paid",
      paid: "Paid",
      void: "Cancelled",
      refunded: "Refunded",
    },
    pay: "Pay",
    payFailed: "We could not start the payment. Please try again.",
    howToPay: "How to pay",
    amountDue: "Amount due",
    quoteReference: "Quote this reference",
  },
};

export type SharedStrings = typeof en;
