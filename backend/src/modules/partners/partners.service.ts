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
import { decodeCursor } from "../../lib/cursor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { findStatusHistory } from "../referrals/referrals.repository.ts";
import { findOrganization } from "./organizations.repository.ts";
import type { PartnerCaller } from "./partner-access.ts";
import {
  commissionTotals,
  countOrgReferralsByStatus,
  findOrgReferral,
  listCommissions,
  listOrgReferralsByCursor,
  listOrgReferralsByPage,
} from "./partners.repository.ts";

export async function getPartnerOverview(ctx: AppContext, caller: PartnerCaller): Promise<PartnerOverview> {
  const [organization, byStatus, commissions] = await Promise.all([
    findOrganization(ctx.db, caller.organizationId),
    countOrgReferralsByStatus(ctx.db, caller.organizationId),
    commissionTotals(ctx.db, caller.organizationId),
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
  const filter = { status: query.status, q: query.q || undefined, limit: query.limit };
  if (query.page !== undefined) {
    const page = Number(query.page);
    const { items, total } = await listOrgReferralsByPage(ctx.db, caller.organizationId, { ...filter, page });
    return {
      status: "success",
      data: items,
      nextCursor: null,
      pagination: { page, limit: query.limit, total, pages: pageCount(total, query.limit) },
    };
  }
  const { items, nextCursor } = await listOrgReferralsByCursor(ctx.db, caller.organizationId, {
    ...filter,
    cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
  });
  return { status: "success", data: items, nextCursor };
}

export async function getPartnerReferral(
  ctx: AppContext,
  caller: PartnerCaller,
  referralId: string,
): Promise<ReferralDetail> {
  const referral = await findOrgReferral(ctx.db, caller.organizationId, referralId);
  if (!referral) throw notFound("Referral");
  return { ...referral, history: await findStatusHistory(ctx.db, referral.id) };
}

export async function getPartnerCommissions(
  ctx: AppContext,
  caller: PartnerCaller,
  query: PartnerCommissionListQuery & { limit: number },
): Promise<PartnerCommissions> {
  const [page, totals] = await Promise.all([
    listCommissions(ctx.db, caller.organizationId, {
      status: query.status,
      cursor: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: query.limit,
    }),
    commissionTotals(ctx.db, caller.organizationId),
  ]);
  return { items: page.items, totals, nextCursor: page.nextCursor };
}
