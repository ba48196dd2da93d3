import type {
  AdminCaseListQuery,
  CaseTaskListQuery,
  VisaTypeListQuery,
} from "@referral-app/shared/schemas/case";
import type { NotificationListQuery } from "../services/notification-service.ts";
import type { ReferralListQuery } from "../services/referral-service.ts";

/** Every query key in one factory, so invalidations hit exactly what they mean to. */
export const queryKeys = {
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
    stats: (userId: string) => ["referrals", "stats", userId] as const,
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
  cases: {
    all: ["cases"] as const,
    userList: (userId: string) => ["cases", "user", userId] as const,
    userTasks: (userId: string, query: CaseTaskListQuery = {}) =>
      ["cases", "user-tasks", userId, query] as const,
    adminLists: () => ["cases", "admin-list"] as const,
    adminList: (filters: Omit<AdminCaseListQuery, "cursor">) => ["cases", "admin-list", filters] as const,
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
};
