import { en as shared } from "@referral-app/i18n/en";
import { interpolate, plural } from "@referral-app/i18n/format";
import type { Translation } from "@referral-app/i18n/types";

// Every word the partner portal shows, in one place: English here, Spanish in locales/es.ts (same
// shape, checked by the compiler). Words every app shares come from @referral-app/i18n.
const en = {
  app: {
    name: "Partner portal",
    skipToContent: "Skip to content",
    loading: "Loading…",
    nav: "Main navigation",
    openMenu: "Open menu",
    closeMenu: "Close menu",
  },
  nav: {
    referrals: "Referrals",
    submit: "Submit a referral",
    import: "Import CSV",
    commissions: "Commissions",
    members: "Members",
  },
  language: shared.language,
  country: shared.country,
  validation: shared.validation,
  common: {
    ...shared.common,
    rateLimited: (seconds: number) => interpolate(shared.common.rateLimited, { seconds }),
    signOutFailed:
      "Sign-out did not reach the server; you are still signed in. Check your connection and try again.",
    theme: shared.theme.label,
    themes: shared.theme,
    goHome: "Back to the portal",
    notFound: "This page does not exist.",
    end: "That's everything.",
  },
  auth: {
    title: "Partner sign in",
    subtitle: "Use the account your organisation invited.",
    email: "Email",
    password: "Password",
    submit: "Sign in",
    invalid: "Wrong email or password.",
    deniedTitle: "Partners only",
    denied: "This portal is for partner organisations. Your account is not a partner account.",
  },
  statuses: shared.referralStatus,
  rewardStatuses: shared.rewardStatus,
  referrals: {
    title: "Referrals",
    total: "Total referrals",
    search: "Search name or email",
    searchForm: "Search referrals",
    status: "Status",
    apply: "Apply",
    caption: "Your organisation's referrals",
    name: "Name",
    email: "Email",
    created: "Submitted",
    source: "Source",
    empty: "No referrals yet.",
    loading: "Loading referrals",
    open: (name: string) => `Open ${name}`,
    history: "History",
    noHistory: "No changes yet.",
  },
  sharedDocuments: {
    title: "Documents shared with you",
    notShared: "The client has not shared the documents on this case with you.",
    empty: "No documents on this case yet.",
    caption: "Documents the client shared",
    document: "Document",
    file: "File",
    state: "State",
    download: (name: string) => `Download ${name}`,
    version: (name: string, version: number) => `${name}, version ${version}`,
    states: {
      missing: "Missing",
      rejected: "Being replaced",
      expired: "Expired",
      expiring: "Expiring soon",
      uploaded: "Being checked",
      accepted: "Accepted",
    } as Record<string, string>,
  },
  form: {
    title: "Submit a referral",
    description: "Refer someone who wants help with their visa.",
    fullName: "Full Name",
    email: "Email",
    phone: "Phone",
    country: "Country",
    relationship: "Relationship",
    visaInterest: "Visa interest",
    notes: "Notes",
    choose: "Choose…",
    submit: "Submit Referral",
    success: "Referral submitted successfully!",
    another: "Submit another",
    duplicate: "This person has already been referred.",
    selfReferral: "You can't refer your own account.",
    network:
      "Could not reach the server, so it is not known yet whether the referral arrived. Retry: it will not be sent twice.",
    retry: "Retry",
    relationships: shared.relationship,
    visaInterests: shared.visaInterest,
  },
  import: {
    title: "Import referrals from CSV",
    description:
      "One referral per row; full name and email are required. Start from the template. Valid rows are imported, and each invalid row is listed with the reason.",
    template: "Download the template (CSV)",
    columns: {
      fullName: "Full name",
      email: "Email",
      phone: "Phone",
      country: "Country",
      visaInterest: "Visa interest",
      relationship: "Relationship",
      notes: "Notes",
    },
    ignoredColumn: (header: string) => `${header} (not imported)`,
    problemsColumn: "Check",
    ready: "Ready",
    badRows: (bad: number, total: number) =>
      bad === 0
        ? "Every row looks ready to import."
        : `${plural("en", bad, { one: "{{count}} row", other: "{{count}} rows" })} of ${total} will not be imported as they are; they are marked below.`,
    problems: {
      missing: "missing",
      oneOf: (values: string) => `use one of: ${values}`,
      repeats: (row: number) => `repeats row ${row}`,
      self: "is your own address",
      country: "use the two-letter country code, e.g. AU",
      missingColumns: (names: string) => `The file needs the columns ${names}.`,
    },
    drop: "Drop a CSV file here, or choose one",
    choose: "Choose CSV file",
    fileLabel: "CSV file",
    preview: (shown: number, total: number) =>
      total === 1 ? "Preview: the file's only row" : `Preview: first ${shown} of ${total} rows`,
    previewCaption: "The first rows of the chosen file",
    notCsv: "Choose a .csv file.",
    tooBig: (mb: number) => `The file is larger than ${mb} MB.`,
    upload: "Import",
    uploading: "Uploading…",
    progress: "Upload progress",
    clear: "Choose another file",
    result: "Import result",
    imported: "Imported",
    failed: "Failed",
    rows: "Rows",
    duplicateFile: "This file was imported before; nothing new was created.",
    errors: "Row errors",
    errorsCaption: "Rows that were not imported",
    row: "Row",
    code: "Problem",
    fields: "Details",
    codes: { VALIDATION_ERROR: "Invalid", REFERRAL_DUPLICATE: "Already referred" },
    downloadErrors: "Download error report (CSV)",
    recent: "Recent imports",
    noImports: "No imports yet.",
    emptyFile: "The file has no data rows.",
  },
  statements: {
    title: "Payout statements",
    loading: "Loading statements",
    none: "No payouts yet. Approved commissions are paid out in batches.",
    line: (number: string, total: string, count: number) =>
      `${number}: ${total} for ${count} ${count === 1 ? "commission" : "commissions"}`,
    paid: (date: string, reference: string) => `Paid on ${date}, reference ${reference}`,
    unpaid: "Not paid yet",
    download: (number: string) => `Statement ${number} (PDF)`,
  },
  commissions: {
    title: "Commissions",
    description: "One commission per converted referral, at your organisation's rate.",
    totals: "Totals",
    caption: "Commissions per converted referral",
    referral: "Referral",
    amount: "Amount",
    status: "Status",
    available: "Available from",
    empty: "No commissions yet: they appear when a referral converts.",
    loading: "Loading commissions",
    rate: (percent: string) => `Rate: ${percent} of the referral reward`,
    fixed: (amount: string) => `Fixed: ${amount} per converted referral`,
  },
  members: {
    title: "Members",
    caption: "Members of your organisation",
    name: "Name",
    email: "Email",
    state: "State",
    active: "Active",
    invited: "Invited",
    joined: "Added",
    invite: "Invite a colleague",
    inviteName: "Name",
    inviteEmail: "Email",
    send: "Send invitation",
    sent: (email: string) => `Invitation sent to ${email}`,
    loading: "Loading members",
    empty: "No members.",
  },
};

export type PartnerStrings = Translation<typeof en>;
export const englishStrings: PartnerStrings = en;

/**
 * The words in the page's language. Chosen once at boot, before any page module runs (see
 * language.ts); a language switch reloads the page, so module-level column headers read them too.
 */
export let strings: PartnerStrings = en;

export function setStrings(next: PartnerStrings): void {
  strings = next;
}
