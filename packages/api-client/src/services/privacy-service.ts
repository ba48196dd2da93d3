import { apiResponseSchema, type PaginatedResponse } from "@referral-app/shared/schemas/common";
import {
  type AccountDeletion,
  type ActivityEntry,
  accountDeletionSchema,
  activityEntrySchema,
  type DataExport,
  dataExportSchema,
  type MarketingConsent,
  marketingConsentSchema,
  type ReferralReview,
  type ReferralReviewListQuery,
  type ReferrerVisibility,
  type ResolveReferralReviewData,
  referralReviewSchema,
  referrerVisibilitySchema,
  type UpdateMarketingConsentData,
  type UpdateReferrerVisibilityData,
} from "@referral-app/shared/schemas/privacy";
import { z } from "zod";
import { BaseService, pathId } from "./base-service.ts";

/** Trust and privacy: what referrers see, data export, deletion, consent, the user's own audit trail. */
export class PrivacyService extends BaseService {
  getReferrerVisibility(userId = "me", signal?: AbortSignal): Promise<ReferrerVisibility> {
    return this.get(`users/${pathId(userId)}/referrer-visibility`, referrerVisibilitySchema, { signal });
  }

  async updateReferrerVisibility(
    userId: string,
    data: UpdateReferrerVisibilityData,
  ): Promise<ReferrerVisibility> {
    const path = `users/${pathId(userId)}/referrer-visibility`;
    return (
      await this.client.request("PUT", path, apiResponseSchema(referrerVisibilitySchema), { json: data })
    ).data;
  }

  requestDataExport(userId = "me"): Promise<DataExport> {
    return this.post(`users/${pathId(userId)}/data-export`, dataExportSchema);
  }

  listDataExports(userId = "me", signal?: AbortSignal): Promise<DataExport[]> {
    return this.get(`users/${pathId(userId)}/data-exports`, z.array(dataExportSchema), { signal });
  }

  getDeletion(userId = "me", signal?: AbortSignal): Promise<AccountDeletion> {
    return this.get(`users/${pathId(userId)}/deletion`, accountDeletionSchema, { signal });
  }

  requestDeletion(userId = "me"): Promise<AccountDeletion> {
    return this.post(`users/${pathId(userId)}/deletion`, accountDeletionSchema);
  }

  cancelDeletion(userId = "me"): Promise<AccountDeletion> {
    return this.delete(`users/${pathId(userId)}/deletion`, accountDeletionSchema);
  }

  getMarketingConsent(userId = "me", signal?: AbortSignal): Promise<MarketingConsent> {
    return this.get(`users/${pathId(userId)}/marketing-consent`, marketingConsentSchema, { signal });
  }

  async updateMarketingConsent(userId: string, data: UpdateMarketingConsentData): Promise<MarketingConsent> {
    const path = `users/${pathId(userId)}/marketing-consent`;
    return (await this.client.request("PUT", path, apiResponseSchema(marketingConsentSchema), { json: data }))
      .data;
  }

  listActivity(
    userId = "me",
    query: { page?: number; limit?: number } = {},
    signal?: AbortSignal,
  ): Promise<PaginatedResponse<ActivityEntry>> {
    return this.getPage(`users/${pathId(userId)}/audit`, activityEntrySchema, {
      searchParams: { page: query.page ?? 1, limit: query.limit ?? 20 },
      signal,
    });
  }

  listReferralReviews(
    query: ReferralReviewListQuery,
    signal?: AbortSignal,
  ): Promise<PaginatedResponse<ReferralReview>> {
    return this.getPage("admin/referral-reviews", referralReviewSchema, {
      searchParams: { ...query } as Record<string, string | number | undefined>,
      signal,
    });
  }

  resolveReferralReview(id: string, data: ResolveReferralReviewData): Promise<ReferralReview> {
    return this.post(`admin/referral-reviews/${pathId(id)}/resolve`, referralReviewSchema, data);
  }
}
