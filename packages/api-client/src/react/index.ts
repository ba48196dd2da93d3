// The `/react` entry: the provider, the key factory and the hooks, listed by name.
export {
  type ApiContextValue,
  ApiProvider,
  type ApiProviderProps,
  type ApiServices,
  createApiServices,
  useApi,
} from "./api-context.ts";
export { useSession, useSignIn, useSignOut, useSignUp } from "./auth-hooks.ts";
export {
  useCase,
  useCaseDocuments,
  useCaseNotes,
  useCases,
  useCaseTasks,
  useCaseTimeline,
  useCompleteTask,
  useMyOpenTasks,
  useSetDocumentSharing,
  useVisaTypes,
} from "./case-hooks.ts";
export { useFeature, useFeatures } from "./feature-hooks.ts";
export {
  invoiceKeys,
  useAdminInvoices,
  useCaseInvoices,
  useCredit,
  useInvoice,
  useInvoiceActions,
  useInvoicePdfLink,
  useInvoiceTemplates,
  usePayInvoice,
  useRevenueAnalytics,
  useRewardPreference,
  useSetRewardPreference,
} from "./invoice-hooks.ts";
export {
  applyNotificationEvent,
  useMarkAllNotificationsRead,
  useMarkNotificationRead,
  useNotificationStream,
  useNotifications,
  useUnreadCount,
} from "./notification-hooks.ts";
export { usePartnerStatements, usePayoutActions, usePayoutBatches } from "./payout-hooks.ts";
export { useProfile, useProfilePicture, useUpdateProfile, useVisaProgress } from "./profile-hooks.ts";
export { createQueryClient, type QueryClientOptions } from "./query-client.ts";
export { queryKeys } from "./query-keys.ts";
export {
  refreshReferralLists,
  useCreateReferral,
  useReferral,
  useReferralOffer,
  useReferralStats,
  useReferrals,
} from "./referral-hooks.ts";
