import type { AdminClientListQuery, AdminReferralListQuery } from "@referral-app/shared/schemas/admin";
import type {
  AdminCaseListQuery,
  CaseTaskListQuery,
  VisaTypeListQuery,
} from "@referral-app/shared/schemas/case";
import type { InboxQuery } from "@referral-app/shared/schemas/conversation";
import type { NotificationListQuery } from "@referral-app/shared/schemas/notification";
import type {
  PartnerCommissionListQuery,
  PartnerReferralListQuery,
} from "@referral-app/shared/schemas/partners";
import type { ReferralListQuery } from "@referral-app/shared/schemas/referral";
import type { RewardListQuery, RewardTotalsQuery } from "@referral-app/shared/schemas/rewards";

/** A cursor-paged list's filters: the cursor is the page, not part of the key. */
type CursorFilters<Query> = Omit<Query, "cursor">;

/** Every query key in one factory, so invalidations hit exactly what they mean to. */
export const queryKeys = {
  messages: {
    all: ["messages"] as const,
    conversations: () => ["messages", "conversations"] as const,
    conversation: (id: string) => ["messages", "conversation", id] as const,
    thread: (id: string) => ["messages", "thread", id] as const,
    unreadTotal: () => ["messages", "unread-total"] as const,
    search: (q: string) => ["messages", "search", q] as const,
    caseConversation: (caseId: string) => ["messages", "case", caseId] as const,
    inbox: (query: CursorFilters<InboxQuery> = {}) => ["messages", "inbox", query] as const,
    savedReplies: () => ["messages", "saved-replies"] as const,
  },
  profile: {
    all: ["profile"] as const,
    detail: (userId: string) => ["profile", userId] as const,
    visaProgress: (userId: string) => ["profile", userId, "visa-progress"] as const,
  },
  referrals: {
    all: ["referrals"] as const,
    lists: () => ["referrals", "list"] as const,
    list: (userId: string, query: ReferralListQuery = {}) => ["referrals", "list", userId, query] as const,
    detail: (id: string) => ["referrals", "detail", id] as const,
    allStats: () => ["referrals", "stats"] as const,
    stats: (userId: string) => ["referrals", "stats", userId] as const,
    offer: (code: string) => ["referrals", "offer", code] as const,
  },
  notifications: {
    all: ["notifications"] as const,
    lists: () => ["notifications", "list"] as const,
    list: (query: NotificationListQuery = {}) => ["notifications", "list", query] as const,
    unreadCount: () => ["notifications", "unread-count"] as const,
  },
  features: {
    all: ["features"] as const,
  },
  // Everything under "cases" (lists, details, notes, tasks, timelines) refreshes on a case event.
  // A case's checklist: its own root, so a stage move (which refreshes "cases") does not refetch it.
  documents: {
    checklist: (caseId: string) => ["documents", "checklist", caseId] as const,
  },
  cases: {
    all: ["cases"] as const,
    userList: (userId: string) => ["cases", "user", userId] as const,
    userTasks: (userId: string, query: CaseTaskListQuery = {}) =>
      ["cases", "user-tasks", userId, query] as const,
    adminLists: () => ["cases", "admin-list"] as const,
    adminList: (filters: CursorFilters<AdminCaseListQuery>) => ["cases", "admin-list", filters] as const,
    detail: (id: string) => ["cases", "detail", id] as const,
    notes: (id: string) => ["cases", "detail", id, "notes"] as const,

    tasks: (id: string) => ["cases", "detail", id, "tasks"] as const,
    timeline: (id: string) => ["cases", "detail", id, "timeline"] as const,
    analytics: () => ["cases", "analytics"] as const,
  },
  visaTypes: {
    all: ["visa-types"] as const,
    list: (query: VisaTypeListQuery = {}) => ["visa-types", query] as const,
  },
  staff: {
    all: ["staff"] as const,
    list: () => ["staff", "list"] as const,
    settings: () => ["staff", "settings"] as const,
  },
  session: {
    all: ["session"] as const,
  },
  verifyEmail: (token: string | null) => ["verify-email", token] as const,
  /** The staff dashboard's cache; the pipeline, clients and rewards invalidate each other. */
  admin: {
    all: ["admin"] as const,
    referrals: () => ["admin", "referrals"] as const,
    referralList: (filters: CursorFilters<AdminReferralListQuery>) =>
      ["admin", "referrals", "list", filters] as const,
    referral: (id: string) => ["admin", "referrals", "detail", id] as const,
    clients: () => ["admin", "clients"] as const,
    clientList: (filters: CursorFilters<AdminClientListQuery>) =>
      ["admin", "clients", "list", filters] as const,
    client: (id: string) => ["admin", "clients", "detail", id] as const,
    rewards: () => ["admin", "rewards"] as const,
    rewardList: (filters: CursorFilters<RewardListQuery>) => ["admin", "rewards", "list", filters] as const,
    rewardTotals: (query: RewardTotalsQuery) => ["admin", "rewards", "totals", query] as const,
    analytics: (range: { from?: string; to?: string }) => ["admin", "analytics", range] as const,
    features: () => ["admin", "features"] as const,
    broadcasts: () => ["admin", "broadcasts"] as const,
    mailbox: (page: number) => ["admin", "mailbox", page] as const,
    audit: (filters: object) => ["admin", "audit", filters] as const,
    partnerOrganizations: () => ["admin", "partner-organizations"] as const,
  },
  /** The partner portal's cache: everything of the signed-in partner's organisation. */
  partner: {
    all: ["partner"] as const,
    overview: () => ["partner", "overview"] as const,
    referrals: () => ["partner", "referrals"] as const,
    referralList: (filters: Omit<PartnerReferralListQuery, "cursor" | "page">) =>
      ["partner", "referrals", "list", filters] as const,
    referral: (id: string) => ["partner", "referrals", "detail", id] as const,
    imports: () => ["partner", "imports"] as const,
    commissions: (query: CursorFilters<PartnerCommissionListQuery>) =>
      ["partner", "commissions", query] as const,
    members: () => ["partner", "members"] as const,
  },
};
