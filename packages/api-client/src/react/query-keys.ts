import type { NotificationListQuery } from "@referral-app/shared/schemas/notification";
import type { ReferralListQuery } from "@referral-app/shared/schemas/referral";

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
  session: {
    all: ["session"] as const,
  },
};
