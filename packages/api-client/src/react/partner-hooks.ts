import type {
  InvitePartnerMemberData,
  PartnerCommissionListQuery,
  PartnerReferralListQuery,
} from "@referral-app/shared/schemas/partners";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { type ImportUploadOptions, PartnerService } from "../services/partner-service.ts";
import { useApi } from "./api-context.ts";
import { queryKeys } from "./query-keys.ts";

type Filters<Query> = Omit<Query, "cursor" | "page">;

export function usePartnerService(): PartnerService {
  const { client } = useApi();
  return useMemo(() => new PartnerService(client), [client]);
}

export function usePartnerOverview() {
  const partner = usePartnerService();
  return useQuery({
    queryKey: queryKeys.partner.overview(),
    queryFn: ({ signal }) => partner.getOverview(signal),
  });
}

export function usePartnerReferrals(filters: Filters<PartnerReferralListQuery>) {
  const partner = usePartnerService();
  return useInfiniteQuery({
    queryKey: queryKeys.partner.referralList(filters),
    queryFn: ({ pageParam, signal }) => partner.listReferrals({ ...filters, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

export function usePartnerReferral(id: string | null) {
  const partner = usePartnerService();
  return useQuery({
    queryKey: queryKeys.partner.referral(id ?? ""),
    queryFn: ({ signal }) => partner.getReferral(id ?? "", signal),
    enabled: Boolean(id),
  });
}

export function usePartnerImports() {
  const partner = usePartnerService();
  return useQuery({
    queryKey: queryKeys.partner.imports(),
    queryFn: ({ signal }) => partner.listImports(signal),
  });
}

/** Uploads one CSV; the organisation's lists refresh afterwards. */
export function useImportReferrals() {
  const partner = usePartnerService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...options }: ImportUploadOptions & { file: Blob }) =>
      partner.importReferralsCsv(file, options),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.partner.all }),
  });
}

export function usePartnerCommissions(query: Omit<PartnerCommissionListQuery, "cursor"> = {}) {
  const partner = usePartnerService();
  return useQuery({
    queryKey: queryKeys.partner.commissions(query),
    queryFn: ({ signal }) => partner.getCommissions(query, signal),
  });
}

export function usePartnerMembers() {
  const partner = usePartnerService();
  return useQuery({
    queryKey: queryKeys.partner.members(),
    queryFn: ({ signal }) => partner.listMembers(signal),
  });
}

export function useInviteMember() {
  const partner = usePartnerService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: InvitePartnerMemberData) => partner.inviteMember(data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.partner.members() }),
  });
}
