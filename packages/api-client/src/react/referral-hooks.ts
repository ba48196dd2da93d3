import type { CreateReferralData, ReferralListQuery } from "@referral-app/shared/schemas/referral";
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useRef } from "react";
import { ApiError } from "../api-error.ts";
import { createIdempotencyKey } from "../idempotency-key.ts";
import { useApi } from "./api-context.ts";
import { queryKeys } from "./query-keys.ts";

export function useReferrals(query: ReferralListQuery = {}, userId = "me") {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.referrals.list(userId, query),
    queryFn: ({ signal }) => services.referrals.getUserReferrals(userId, query, signal),
    placeholderData: keepPreviousData,
  });
}

/** The referral offer (and, for a share link's code, who invited the visitor); changes rarely. */
export function useReferralOffer(code?: string) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.referrals.offer(code ?? ""),
    queryFn: ({ signal }) => services.referrals.getReferralOffer(code || undefined, signal),
    staleTime: 10 * 60_000,
  });
}

export function useReferral(id: string | undefined) {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.referrals.detail(id ?? ""),
    queryFn: ({ signal }) => services.referrals.getReferral(id ?? "", signal),
    enabled: Boolean(id),
  });
}

export function useReferralStats(userId = "me") {
  const { services } = useApi();
  return useQuery({
    queryKey: queryKeys.referrals.stats(userId),
    queryFn: ({ signal }) => services.referrals.getReferralStats(userId, signal),
  });
}

/** Key order must not make the same form data look like a new submit. */
function fingerprint(data: CreateReferralData): string {
  return JSON.stringify(Object.entries(data).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * Submits a referral with one Idempotency-Key per logical submit. Submitting the same data again
 * after a network error, timeout or 5xx (the server may have saved it) reuses the key, so the server
 * replays its first answer instead of creating a second referral.
 */
export function useCreateReferral() {
  const { services } = useApi();
  const queryClient = useQueryClient();
  const pending = useRef<{ key: string; fingerprint: string } | null>(null);
  return useMutation({
    mutationFn: (data: CreateReferralData) => {
      const print = fingerprint(data);
      if (pending.current?.fingerprint !== print)
        pending.current = { key: createIdempotencyKey(), fingerprint: print };
      return services.referrals.createReferral(data, { idempotencyKey: pending.current.key });
    },
    onSuccess: () => {
      pending.current = null;
    },
    onError: (error) => {
      // A definite refusal (4xx) ends this submit; only an unknown outcome keeps the key for a retry.
      if (!(error instanceof ApiError && error.isOutcomeUnknown)) pending.current = null;
    },
    onSettled: () => refreshReferralLists(queryClient),
  });
}

/** After a referral is created (online or from an outbox): every list and every stats count. */
export function refreshReferralLists(queryClient: QueryClient): Promise<unknown> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: queryKeys.referrals.lists() }),
    queryClient.invalidateQueries({ queryKey: queryKeys.referrals.allStats() }),
  ]);
}
