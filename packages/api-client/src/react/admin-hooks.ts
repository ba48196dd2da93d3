import type {
  AdminClientListQuery,
  AdminReferralListQuery,
  BulkReferralStatusData,
} from "@referral-app/shared/schemas/admin";
import type { UpdateReferralStatusData } from "@referral-app/shared/schemas/referral";
import type { RewardListQuery, RewardTotalsQuery } from "@referral-app/shared/schemas/rewards";
import type { AdvanceVisaStageData, SetVisaStageData } from "@referral-app/shared/schemas/visa";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { AdminService } from "../services/admin-service.ts";
import { useApi } from "./api-context.ts";

type Filters<Query> = Omit<Query, "cursor">;

/** Keys of the staff dashboard's cache; the pipeline, clients and rewards invalidate each other. */
export const adminQueryKeys = {
  all: ["admin"] as const,
  referrals: () => ["admin", "referrals"] as const,
  referralList: (filters: Filters<AdminReferralListQuery>) =>
    ["admin", "referrals", "list", filters] as const,
  referral: (id: string) => ["admin", "referrals", "detail", id] as const,
  clients: () => ["admin", "clients"] as const,
  clientList: (filters: Filters<AdminClientListQuery>) => ["admin", "clients", "list", filters] as const,
  client: (id: string) => ["admin", "clients", "detail", id] as const,
  rewards: () => ["admin", "rewards"] as const,
  rewardList: (filters: Filters<RewardListQuery>) => ["admin", "rewards", "list", filters] as const,
  rewardTotals: (query: RewardTotalsQuery) => ["admin", "rewards", "totals", query] as const,
  analytics: (range: { from?: string; to?: string }) => ["admin", "analytics", range] as const,
  features: () => ["admin", "features"] as const,
  broadcasts: () => ["admin", "broadcasts"] as const,
  mailbox: (page: number) => ["admin", "mailbox", page] as const,
  audit: (filters: object) => ["admin", "audit", filters] as const,
  partnerOrganizations: () => ["admin", "partner-organizations"] as const,
};

/** The staff service on the app's client (one instance per client). */
export function useAdminService(): AdminService {
  const { client } = useApi();
  return useMemo(() => new AdminService(client), [client]);
}

/** The pipeline, cursor by cursor ("Load more"): pages stay fast on a million rows. */
export function useAdminReferrals(filters: Filters<AdminReferralListQuery>) {
  const admin = useAdminService();
  return useInfiniteQuery({
    queryKey: adminQueryKeys.referralList(filters),
    queryFn: ({ pageParam, signal }) => admin.listReferrals({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAdminReferral(id: string | null) {
  const admin = useAdminService();
  return useQuery({
    queryKey: adminQueryKeys.referral(id ?? ""),
    queryFn: ({ signal }) => admin.getReferral(id ?? "", signal),
    enabled: Boolean(id),
  });
}

export function useChangeReferralStatus() {
  const admin = useAdminService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...data }: UpdateReferralStatusData & { id: string }) =>
      admin.changeReferralStatus(id, data),
    onSuccess: (detail) => {
      queryClient.setQueryData(adminQueryKeys.referral(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: adminQueryKeys.all });
    },
  });
}

export function useBulkChangeReferralStatus() {
  const admin = useAdminService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: BulkReferralStatusData) => admin.bulkChangeReferralStatus(data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKeys.all }),
  });
}

export function useAdminClients(filters: Filters<AdminClientListQuery>) {
  const admin = useAdminService();
  return useInfiniteQuery({
    queryKey: adminQueryKeys.clientList(filters),
    queryFn: ({ pageParam, signal }) => admin.listClients({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAdminClient(id: string) {
  const admin = useAdminService();
  return useQuery({
    queryKey: adminQueryKeys.client(id),
    queryFn: ({ signal }) => admin.getClient(id, signal),
  });
}

export type VisaStageChange =
  | ({ kind: "advance" } & AdvanceVisaStageData)
  | ({ kind: "set" } & SetVisaStageData);

/** Advance to the next stage or set any stage, with a note; the client is notified by the server. */
export function useChangeVisaStage(userId: string) {
  const admin = useAdminService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, ...data }: VisaStageChange) =>
      kind === "advance"
        ? admin.advanceVisaStage(userId, { note: data.note })
        : admin.setVisaStage(userId, data as SetVisaStageData),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKeys.clients() }),
  });
}

export function useRewards(filters: Filters<RewardListQuery>) {
  const admin = useAdminService();
  return useInfiniteQuery({
    queryKey: adminQueryKeys.rewardList(filters),
    queryFn: ({ pageParam, signal }) => admin.listRewards({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useRewardTotals(query: RewardTotalsQuery = {}) {
  const admin = useAdminService();
  return useQuery({
    queryKey: adminQueryKeys.rewardTotals(query),
    queryFn: ({ signal }) => admin.rewardTotals(query, signal),
  });
}

export type RewardAction = { id: string } & (
  | { action: "approve" }
  | { action: "mark-paid" }
  | { action: "reverse"; reason: string }
);

export function useRewardAction() {
  const admin = useAdminService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: RewardAction) => {
      if (change.action === "approve") return admin.approveReward(change.id);
      if (change.action === "mark-paid") return admin.markRewardPaid(change.id);
      return admin.reverseReward(change.id, change.reason);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminQueryKeys.rewards() }),
  });
}

export function usePartnerOrganizations() {
  const admin = useAdminService();
  return useQuery({
    queryKey: adminQueryKeys.partnerOrganizations(),
    queryFn: ({ signal }) => admin.listPartnerOrganizations(signal),
    staleTime: 5 * 60_000,
  });
}
