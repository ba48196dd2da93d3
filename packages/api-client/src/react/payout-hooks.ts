import type { CreatePayoutBatchesData, MarkPayoutPaidData } from "@referral-app/shared/schemas/payout";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useApi } from "./api-context.ts";

const payoutKeys = { all: ["payouts"] as const, partner: ["payouts", "partner"] as const };

export function usePayoutBatches() {
  const { services } = useApi();
  return useQuery({ queryKey: payoutKeys.all, queryFn: ({ signal }) => services.payouts.list(signal) });
}

export function usePartnerStatements() {
  const { services } = useApi();
  return useQuery({
    queryKey: payoutKeys.partner,
    queryFn: ({ signal }) => services.payouts.partnerStatements(signal),
  });
}

export function usePayoutActions() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: payoutKeys.all });
  return {
    create: useMutation({
      mutationFn: (data: CreatePayoutBatchesData) => services.payouts.create(data),
      onSuccess: refresh,
    }),
    markPaid: useMutation({
      mutationFn: ({ id, data }: { id: string; data: MarkPayoutPaidData }) =>
        services.payouts.markPaid(id, data),
      onSuccess: refresh,
    }),
  };
}
