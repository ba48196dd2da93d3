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
import { queryKeys } from "./query-keys.ts";

type Filters<Query> = Omit<Query, "cursor">;

/** The staff service on the app's client (one instance per client). */
export function useAdminService(): AdminService {
  const { client } = useApi();
  return useMemo(() => new AdminService(client), [client]);
}

/** The pipeline, cursor by cursor ("Load more"): pages stay fast on a million rows. */
export function useAdminReferrals(filters: Filters<AdminReferralListQuery>) {
  const admin = useAdminService();
  return useInfiniteQuery({
    queryKey: queryKeys.admin.referralList(filters),
    queryFn: ({ pageParam, signal }) => admin.listReferrals({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAdminReferral(id: string | null) {
  const admin = useAdminService();
  return useQuery({
    queryKey: queryKeys.admin.referral(id ?? ""),
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
      queryClient.setQueryData(queryKeys.admin.referral(detail.id), detail);
      return queryClient.invalidateQueries({ queryKey: queryKeys.admin.all });
    },
  });
}

export function useBulkChangeReferralStatus() {
  const admin = useAdminService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: BulkReferralStatusData) => admin.bulkChangeReferralStatus(data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.all }),
  });
}

export function useAdminClients(filters: Filters<AdminClientListQuery>) {
  const admin = useAdminService();
  return useInfiniteQuery({
    queryKey: queryKeys.admin.clientList(filters),
    queryFn: ({ pageParam, signal }) => admin.listClients({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useAdminClient(id: string) {
  const admin = useAdminService();
  return useQuery({
    queryKey: queryKeys.admin.client(id),
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
        ? admin.advanceVisaStage(userId, { note: data.note, overrideDocuments: data.overrideDocuments })
        : admin.setVisaStage(userId, data as SetVisaStageData),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.clients() }),
  });
}

export function useRewards(filters: Filters<RewardListQuery>) {
  const admin = useAdminService();
  return useInfiniteQuery({
    queryKey: queryKeys.admin.rewardList(filters),
    queryFn: ({ pageParam, signal }) => admin.listRewards({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function useRewardTotals(query: RewardTotalsQuery = {}) {
  const admin = useAdminService();
  return useQuery({
    queryKey: queryKeys.admin.rewardTotals(query),
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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.admin.rewards() }),
  });
}

export function usePartnerOrganizations() {
  const admin = useAdminService();
  return useQuery({
    queryKey: queryKeys.admin.partnerOrganizations(),
    queryFn: ({ signal }) => admin.listPartnerOrganizations(signal),
    staleTime: 5 * 60_000,
  });
}
