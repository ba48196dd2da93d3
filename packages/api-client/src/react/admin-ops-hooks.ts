import type { AuditListQuery } from "@referral-app/shared/schemas/audit";
import type { BroadcastAudience, CreateBroadcastData } from "@referral-app/shared/schemas/broadcasts";
import type { FeatureFlag, UpdateFeatureFlagData } from "@referral-app/shared/schemas/features";
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { AnalyticsRange } from "../services/admin-service.ts";
import { useAdminService } from "./admin-hooks.ts";
import { queryKeys } from "./query-keys.ts";

/** Overview (funnel, daily series, top referrers) and top partners for one date range. */
export function useAnalytics(range: AnalyticsRange) {
  const admin = useAdminService();
  return useQuery({
    queryKey: queryKeys.admin.analytics(range),
    queryFn: async ({ signal }) => {
      const [overview, topPartners] = await Promise.all([
        admin.analyticsOverview(range, signal),
        admin.topPartners(range, signal),
      ]);
      return { overview, topPartners };
    },
    placeholderData: keepPreviousData,
  });
}

export function useFeatureFlags() {
  const admin = useAdminService();
  return useQuery({
    queryKey: queryKeys.admin.features(),
    queryFn: ({ signal }) => admin.listFeatureFlags(signal),
  });
}

/** Optimistic: the switch moves at once and moves back if the server refuses. */
export function useUpdateFeatureFlag() {
  const admin = useAdminService();
  const queryClient = useQueryClient();
  const key = queryKeys.admin.features();
  return useMutation({
    mutationFn: ({ key: flag, ...data }: UpdateFeatureFlagData & { key: string }) =>
      admin.updateFeatureFlag(flag, data),
    onMutate: async ({ key: flag, ...data }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const before = queryClient.getQueryData<FeatureFlag[]>(key);
      queryClient.setQueryData<FeatureFlag[]>(key, (flags) =>
        flags?.map((item) => (item.key === flag ? { ...item, ...data } : item)),
      );
      return { before };
    },
    onError: (_error, _change, context) => queryClient.setQueryData(key, context?.before),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      // The staff member's own evaluated flags may have changed too.
      await queryClient.invalidateQueries({ queryKey: queryKeys.features.all });
    },
  });
}

/** Broadcasts newest first; refreshed while a fan-out is still delivering. */
export function useBroadcasts() {
  const admin = useAdminService();
  return useQuery({
    queryKey: queryKeys.admin.broadcasts(),
    queryFn: ({ signal }) => admin.listBroadcasts({ limit: 20 }, signal),
    refetchInterval: (query) =>
      query.state.data?.data.some((item) => item.processedCount < item.recipientCount) ? 3000 : false,
  });
}

/** The preview's recipient count: asked when staff review a broadcast, never cached (people join). */
export function useBroadcastAudienceCount() {
  const admin = useAdminService();
  return useMutation({
    mutationFn: (audience: BroadcastAudience) => admin.countBroadcastAudience(audience),
  });
}

export function useCreateBroadcast() {
  const admin = useAdminService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: CreateBroadcastData) => admin.createBroadcast(data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.broadcasts() }),
  });
}

export function useMailbox(page: number) {
  const admin = useAdminService();
  return useQuery({
    queryKey: queryKeys.admin.mailbox(page),
    queryFn: ({ signal }) => admin.getMailbox({ page, limit: 20 }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuditLog(filters: Omit<AuditListQuery, "cursor">) {
  const admin = useAdminService();
  return useInfiniteQuery({
    queryKey: queryKeys.admin.audit(filters),
    queryFn: ({ pageParam, signal }) => admin.listAuditLog({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}
