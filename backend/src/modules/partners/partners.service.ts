import type {
  PartnerCommissionListQuery,
  PartnerCommissions,
  PartnerOverview,
  PartnerReferralListQuery,
} from "@referral-app/shared/schemas/partners";
import type { Referral, ReferralDetail } from "@referral-app/shared/schemas/referral";
import type { AppContext } from "../../context.ts";
import { notFound } from "../../lib/domain-error.ts";
import {
  countOrganizationReferrals,
  getOrganizationReferral,
  listOrganizationReferrals,
} from "../referrals/referrals.service.ts";
import {
  getPartnerCommissions as commissionsOf,
  getPartnerCommissionTotals,
} from "../rewards/rewards.service.ts";
import { findOrganization } from "./organizations.repository.ts";
import type { PartnerCaller } from "./partner-access.ts";

export async function getPartnerOverview(ctx: AppContext, caller: PartnerCaller): Promise<PartnerOverview> {
  const [organization, byStatus, commissions] = await Promise.all([
    findOrganization(ctx.db, caller.organizationId),
    countOrganizationReferrals(ctx, caller.organizationId),
    getPartnerCommissionTotals(ctx, caller.organizationId),
  ]);
  if (!organization) throw notFound("Partner organisation");
  const total = Object.values(byStatus).reduce((sum, value) => sum + value, 0);
  return { organization, referrals: { total, byStatus }, commissions };
}

/** The organisation's referrals: cursor mode by default, page mode (with the total) when `page` is given. */
export function listPartnerReferrals(
  ctx: AppContext,
  caller: PartnerCaller,
  query: PartnerReferralListQuery & { limit: number },
): Promise<{ items: Referral[]; nextCursor: string | null; total?: number }> {
  return listOrganizationReferrals(ctx, caller.organizationId, {
    status: query.status,
    q: query.q || undefined,
    page: query.page === undefined ? undefined : Number(query.page),
    cursor: query.cursor,
    limit: query.limit,
  });
}

export function getPartnerReferral(
  ctx: AppContext,
  caller: PartnerCaller,
  referralId: string,
): Promise<ReferralDetail> {
  return getOrganizationReferral(ctx, caller.organizationId, referralId);
}

export function getPartnerCommissions(
  ctx: AppContext,
  caller: PartnerCaller,
  query: PartnerCommissionListQuery & { limit: number },
): Promise<PartnerCommissions> {
  return commissionsOf(ctx, caller.organizationId, query);
}
