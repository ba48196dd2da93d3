import type { PaginatedResponse } from "@referral-app/shared/schemas/common";
import {
  type CreateReferralData,
  type Referral,
  type ReferralDetail,
  type ReferralListQuery,
  type ReferralStats,
  referralDetailSchema,
  referralSchema,
  referralStatsSchema,
} from "@referral-app/shared/schemas/referral";
import { type ReferralOffer, referralOfferSchema } from "@referral-app/shared/schemas/referral-offer";
import { createIdempotencyKey } from "../idempotency-key.ts";
import { BaseService, pathId } from "./base-service.ts";

export interface CreateReferralOptions {
  /** One per logical submit; pass the same key when retrying that submit. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export class ReferralService extends BaseService {
  createReferral(data: CreateReferralData, options: CreateReferralOptions = {}): Promise<Referral> {
    return this.post("referrals", referralSchema, data, {
      idempotencyKey: options.idempotencyKey ?? createIdempotencyKey(),
      signal: options.signal,
    });
  }

  getUserReferrals(
    userId = "me",
    query: ReferralListQuery = {},
    signal?: AbortSignal,
  ): Promise<PaginatedResponse<Referral>> {
    return this.getPage(`users/${pathId(userId)}/referrals`, referralSchema, {
      searchParams: { page: query.page, limit: query.limit, status: query.status },
      signal,
    });
  }

  getReferral(id: string, signal?: AbortSignal): Promise<ReferralDetail> {
    return this.get(`referrals/${pathId(id)}`, referralDetailSchema, { signal });
  }

  /** Public: the reward, and with a share link's code the inviter's first name. */
  getReferralOffer(code?: string, signal?: AbortSignal): Promise<ReferralOffer> {
    return this.get("referral-offer", referralOfferSchema, { searchParams: { code }, signal });
  }

  getReferralStats(userId = "me", signal?: AbortSignal): Promise<ReferralStats> {
    return this.get(`users/${pathId(userId)}/referral-stats`, referralStatsSchema, { signal });
  }
}
