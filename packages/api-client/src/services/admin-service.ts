import {
  type AdminClient,
  type AdminClientDetail,
  type AdminClientListQuery,
  type AdminReferral,
  type AdminReferralExportQuery,
  type AdminReferralListQuery,
  adminClientDetailSchema,
  adminClientSchema,
  adminReferralSchema,
  type BulkReferralStatusData,
  type BulkReferralStatusResult,
  bulkReferralStatusResultSchema,
  type CursorPage,
  cursorPageSchema,
  type DevMail,
  devMailSchema,
} from "@referral-app/shared/schemas/admin";
import { type AnalyticsOverview, analyticsOverviewSchema } from "@referral-app/shared/schemas/analytics";
import { type TopPartner, topPartnerSchema } from "@referral-app/shared/schemas/analytics-partners";
import { type AuditEntry, type AuditListQuery, auditEntrySchema } from "@referral-app/shared/schemas/audit";
import {
  type Broadcast,
  type BroadcastAudience,
  type BroadcastAudienceCount,
  type BroadcastListQuery,
  broadcastAudienceCountSchema,
  broadcastSchema,
  type CreateBroadcastData,
} from "@referral-app/shared/schemas/broadcasts";
import { apiResponseSchema, type PaginatedResponse } from "@referral-app/shared/schemas/common";
import {
  type FeatureFlag,
  featureFlagSchema,
  type UpdateFeatureFlagData,
} from "@referral-app/shared/schemas/features";
import { type PartnerOrganization, partnerOrganizationSchema } from "@referral-app/shared/schemas/partners";
import {
  type ReferralDetail,
  referralDetailSchema,
  type UpdateReferralStatusData,
} from "@referral-app/shared/schemas/referral";
import {
  type RewardEntry,
  type RewardListQuery,
  type RewardStatusTotal,
  type RewardTotalsQuery,
  rewardEntrySchema,
  rewardStatusTotalSchema,
} from "@referral-app/shared/schemas/rewards";
import {
  type AdvanceVisaStageData,
  type SetVisaStageData,
  type VisaProgress,
  visaProgressSchema,
} from "@referral-app/shared/schemas/visa";
import { z } from "zod";
import type { RequestOptions } from "../api-client.ts";
import { BaseService, pathId } from "./base-service.ts";

type Params = NonNullable<RequestOptions["searchParams"]>;

// zod's input type of a coerced number is `unknown`; callers pass numbers, strings and dates.
const params = (query: object): Params => query as Params;

export interface AnalyticsRange {
  from?: string;
  to?: string;
}

export interface MailboxQuery {
  page?: number;
  limit?: number;
  to?: string;
}

/** Staff endpoints under /api/admin (plus the staff view of one referral). */
export class AdminService extends BaseService {
  // Pipeline
  listReferrals(
    query: AdminReferralListQuery = {},
    signal?: AbortSignal,
  ): Promise<CursorPage<AdminReferral>> {
    return this.getCursorPage("admin/referrals", adminReferralSchema, params(query), signal);
  }

  getReferral(id: string, signal?: AbortSignal): Promise<ReferralDetail> {
    return this.get(`referrals/${pathId(id)}`, referralDetailSchema, { signal });
  }

  changeReferralStatus(id: string, data: UpdateReferralStatusData): Promise<ReferralDetail> {
    return this.patch(`admin/referrals/${pathId(id)}/status`, referralDetailSchema, data);
  }

  bulkChangeReferralStatus(data: BulkReferralStatusData): Promise<BulkReferralStatusResult> {
    return this.post("admin/referrals/bulk-status", bulkReferralStatusResultSchema, data);
  }

  /** A link (not a fetch): the browser downloads the streamed CSV with the cookie session. */
  referralsExportUrl(query: AdminReferralExportQuery = {}): string {
    return this.url("admin/referrals/export.csv", params(query));
  }

  // Clients
  listClients(query: AdminClientListQuery = {}, signal?: AbortSignal): Promise<CursorPage<AdminClient>> {
    return this.getCursorPage("admin/clients", adminClientSchema, params(query), signal);
  }

  getClient(id: string, signal?: AbortSignal): Promise<AdminClientDetail> {
    return this.get(`admin/clients/${pathId(id)}`, adminClientDetailSchema, { signal });
  }

  advanceVisaStage(userId: string, data: AdvanceVisaStageData): Promise<VisaProgress> {
    return this.post(`admin/users/${pathId(userId)}/visa-stage/advance`, visaProgressSchema, data);
  }

  async setVisaStage(userId: string, data: SetVisaStageData): Promise<VisaProgress> {
    const path = `admin/users/${pathId(userId)}/visa-stage`;
    return (await this.client.request("PUT", path, apiResponseSchema(visaProgressSchema), { json: data }))
      .data;
  }

  // Rewards
  listRewards(query: RewardListQuery = {}, signal?: AbortSignal): Promise<CursorPage<RewardEntry>> {
    return this.getCursorPage("admin/rewards", rewardEntrySchema, params(query), signal);
  }

  rewardTotals(query: RewardTotalsQuery = {}, signal?: AbortSignal): Promise<RewardStatusTotal[]> {
    return this.get("admin/rewards/totals", z.array(rewardStatusTotalSchema), {
      searchParams: params(query),
      signal,
    });
  }

  approveReward(id: string): Promise<RewardEntry> {
    return this.post(`admin/rewards/${pathId(id)}/approve`, rewardEntrySchema);
  }

  markRewardPaid(id: string): Promise<RewardEntry> {
    return this.post(`admin/rewards/${pathId(id)}/mark-paid`, rewardEntrySchema);
  }

  reverseReward(id: string, reason: string): Promise<RewardEntry> {
    return this.post(`admin/rewards/${pathId(id)}/reverse`, rewardEntrySchema, { reason });
  }

  // Analytics
  analyticsOverview(range: AnalyticsRange = {}, signal?: AbortSignal): Promise<AnalyticsOverview> {
    return this.get("admin/analytics/overview", analyticsOverviewSchema, {
      searchParams: params(range),
      signal,
    });
  }

  topPartners(range: AnalyticsRange = {}, signal?: AbortSignal): Promise<TopPartner[]> {
    return this.get("admin/analytics/top-partners", z.array(topPartnerSchema), {
      searchParams: params(range),
      signal,
    });
  }

  analyticsExportUrl(range: AnalyticsRange = {}): string {
    return this.url("admin/analytics/export.csv", params(range));
  }

  // Feature flags
  listFeatureFlags(signal?: AbortSignal): Promise<FeatureFlag[]> {
    return this.get("admin/features", z.array(featureFlagSchema), { signal });
  }

  updateFeatureFlag(key: string, data: UpdateFeatureFlagData): Promise<FeatureFlag> {
    return this.patch(`admin/features/${pathId(key)}`, featureFlagSchema, data);
  }

  // Notifications
  createBroadcast(data: CreateBroadcastData): Promise<Broadcast> {
    return this.post("admin/broadcasts", broadcastSchema, data);
  }

  countBroadcastAudience(audience: BroadcastAudience): Promise<BroadcastAudienceCount> {
    return this.post("admin/broadcasts/audience-count", broadcastAudienceCountSchema, audience);
  }

  listBroadcasts(query: BroadcastListQuery = {}, signal?: AbortSignal): Promise<CursorPage<Broadcast>> {
    return this.getCursorPage("admin/broadcasts", broadcastSchema, params(query), signal);
  }

  getMailbox(query: MailboxQuery = {}, signal?: AbortSignal): Promise<PaginatedResponse<DevMail>> {
    return this.getPage("admin/mailbox", devMailSchema, { searchParams: params(query), signal });
  }

  // Audit log and partner organisations (for filters)
  listAuditLog(query: AuditListQuery = {}, signal?: AbortSignal): Promise<CursorPage<AuditEntry>> {
    return this.getCursorPage("admin/audit", auditEntrySchema, params(query), signal);
  }

  listPartnerOrganizations(signal?: AbortSignal): Promise<PartnerOrganization[]> {
    return this.get("admin/partner-organizations", z.array(partnerOrganizationSchema), { signal });
  }

  private getCursorPage<T>(
    path: string,
    item: z.ZodType<T>,
    searchParams: Params,
    signal?: AbortSignal,
  ): Promise<CursorPage<T>> {
    return this.client.request("GET", path, cursorPageSchema(item), { searchParams, signal });
  }

  private url(path: string, params: Params): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) {
      if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
    }
    const query = search.toString();
    return `${this.client.baseURL}/${path}${query ? `?${query}` : ""}`;
  }
}
