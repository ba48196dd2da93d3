import { pageCount } from "@referral-app/shared/schemas/common";
import type {
  PartnerCommissionListQuery,
  PartnerCommissions,
  PartnerOverview,
  PartnerReferralListQuery,
  PartnerReferralPage,
} from "@referral-app/shared/schemas/partners";
import type { ReferralDetail } from "@referral-app/shared/schemas/referral";
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

/** The organisation's referrals: cursor mode by default, page mode (with totals) when `page` is given. */
export async function listPartnerReferrals(
  ctx: AppContext,
  caller: PartnerCaller,
  query: PartnerReferralListQuery & { limit: number },
): Promise<PartnerReferralPage> {
  const page = query.page === undefined ? undefined : Number(query.page);
  const { items, nextCursor, total } = await listOrganizationReferrals(ctx, caller.organizationId, {
    status: query.status,
    q: query.q || undefined,
    page,
    cursor: query.cursor,
    limit: query.limit,
  });
  if (page !== undefined && total !== undefined) {
    return {
      status: "success",
      data: items,
      nextCursor: null,
      pagination: { page, limit: query.limit, total, pages: pageCount(total, query.limit) },
    };
  }
  return { status: "success", data: items, nextCursor };
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
