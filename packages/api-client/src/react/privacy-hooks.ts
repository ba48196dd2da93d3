import type {
  ReferralReviewListQuery,
  ResolveReferralReviewData,
  UpdateMarketingConsentData,
  UpdateReferrerVisibilityData,
} from "@referral-app/shared/schemas/privacy";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { PrivacyService } from "../services/privacy-service.ts";
import { useApi } from "./api-context.ts";

/** Query keys for the privacy hooks (one root, so a change refreshes what depends on it). */
export const privacyKeys = {
  all: ["privacy"] as const,
  visibility: (userId: string) => ["privacy", "visibility", userId] as const,
  exports: (userId: string) => ["privacy", "exports", userId] as const,
  deletion: (userId: string) => ["privacy", "deletion", userId] as const,
  consent: (userId: string) => ["privacy", "consent", userId] as const,
  activity: (userId: string, page: number) => ["privacy", "activity", userId, page] as const,
  reviews: (query: ReferralReviewListQuery) => ["privacy", "reviews", query] as const,
};

export function usePrivacyService(): PrivacyService {
  const { client } = useApi();
  return useMemo(() => new PrivacyService(client), [client]);
}

export function useReferrerVisibility(userId = "me") {
  const privacy = usePrivacyService();
  return useQuery({
    queryKey: privacyKeys.visibility(userId),
    queryFn: ({ signal }) => privacy.getReferrerVisibility(userId, signal),
  });
}

export function useUpdateReferrerVisibility(userId = "me") {
  const privacy = usePrivacyService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: UpdateReferrerVisibilityData) => privacy.updateReferrerVisibility(userId, data),
    onSuccess: (saved) => {
      queryClient.setQueryData(privacyKeys.visibility(userId), saved);
      void queryClient.invalidateQueries({ queryKey: ["privacy", "activity", userId] });
    },
  });
}

/** The user's exports; polls every 2 s while one is being built (the progress shown). */
export function useDataExports(userId = "me") {
  const privacy = usePrivacyService();
  return useQuery({
    queryKey: privacyKeys.exports(userId),
    queryFn: ({ signal }) => privacy.listDataExports(userId, signal),
    refetchInterval: (query) =>
      query.state.data?.some((item) => item.state === "queued" || item.state === "running") ? 2000 : false,
  });
}

export function useRequestDataExport(userId = "me") {
  const privacy = usePrivacyService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => privacy.requestDataExport(userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: privacyKeys.exports(userId) }),
  });
}

export function useAccountDeletion(userId = "me") {
  const privacy = usePrivacyService();
  return useQuery({
    queryKey: privacyKeys.deletion(userId),
    queryFn: ({ signal }) => privacy.getDeletion(userId, signal),
  });
}

export function useChangeAccountDeletion(userId = "me") {
  const privacy = usePrivacyService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: "request" | "cancel") =>
      action === "request" ? privacy.requestDeletion(userId) : privacy.cancelDeletion(userId),
    onSuccess: (saved) => queryClient.setQueryData(privacyKeys.deletion(userId), saved),
  });
}

export function useMarketingConsent(userId = "me") {
  const privacy = usePrivacyService();
  return useQuery({
    queryKey: privacyKeys.consent(userId),
    queryFn: ({ signal }) => privacy.getMarketingConsent(userId, signal),
  });
}

export function useUpdateMarketingConsent(userId = "me") {
  const privacy = usePrivacyService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (data: UpdateMarketingConsentData) => privacy.updateMarketingConsent(userId, data),
    onSuccess: (saved) => queryClient.setQueryData(privacyKeys.consent(userId), saved),
  });
}

export function useMyActivity(page = 1, userId = "me") {
  const privacy = usePrivacyService();
  return useQuery({
    queryKey: privacyKeys.activity(userId, page),
    queryFn: ({ signal }) => privacy.listActivity(userId, { page, limit: 20 }, signal),
  });
}

/** Staff: the referral review queue. */
export function useReferralReviews(query: ReferralReviewListQuery) {
  const privacy = usePrivacyService();
  return useQuery({
    queryKey: privacyKeys.reviews(query),
    queryFn: ({ signal }) => privacy.listReferralReviews(query, signal),
  });
}

export function useResolveReferralReview() {
  const privacy = usePrivacyService();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...data }: ResolveReferralReviewData & { id: string }) =>
      privacy.resolveReferralReview(id, data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["privacy", "reviews"] }),
  });
}
