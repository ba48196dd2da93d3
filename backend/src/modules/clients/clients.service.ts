import type {
  AdminClient,
  AdminClientDetail,
  AdminClientListQuery,
} from "@referral-app/shared/schemas/admin";
import type { AppContext } from "../../context.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { findPrimaryCaseProgress } from "../cases/cases.service.ts";
import { getReferralStats, listRecentReferralsOf } from "../referrals/referrals.service.ts";
import { getRewardTotals } from "../rewards/rewards.service.ts";
import { findProfile } from "../users/users.service.ts";
import { findClientRole, listClients } from "./clients.repository.ts";

export async function searchClients(
  ctx: AppContext,
  query: AdminClientListQuery & { limit: number },
): Promise<{ items: AdminClient[]; nextCursor: string | null }> {
  return listClients(ctx.db, {
    q: query.q || undefined,
    stage: query.stage,
    cursor: query.cursor ? decodeCursor(query.cursor, "text") : undefined,
    limit: query.limit,
  });
}

/** A client's case for staff: profile, visa progress, referrals and rewards. Non-clients answer 404. */
export async function getClientDetail(ctx: AppContext, userId: string): Promise<AdminClientDetail> {
  if ((await findClientRole(ctx.db, userId)) !== "client") throw notFound("Client");
  const [profile, visaProgress, referralStats, recentReferrals, rewards] = await Promise.all([
    findProfile(ctx, userId),
    findPrimaryCaseProgress(ctx, userId, { staff: true }),
    getReferralStats(ctx, userId),
    listRecentReferralsOf(ctx, userId, 20),
    getRewardTotals(ctx, { userId }),
  ]);
  if (!profile) throw notFound("Client");
  return { profile, visaProgress, referralStats, recentReferrals, rewards };
}
