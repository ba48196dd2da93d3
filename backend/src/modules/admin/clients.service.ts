import type {
  AdminClient,
  AdminClientDetail,
  AdminClientListQuery,
} from "@referral-app/shared/schemas/admin";
import type { AppContext } from "../../context.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { findPrimaryCaseProgress } from "../cases/cases.service.ts";
import { findReferralStats } from "../referrals/referral-stats.repository.ts";
import { findUserProfile } from "../users/users.repository.ts";
import {
  findClientRole,
  listClients,
  listRecentReferrals,
  rewardTotalsForUser,
} from "./clients.repository.ts";

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
    findUserProfile(ctx.db, userId),
    findPrimaryCaseProgress(ctx, userId, { staff: true }),
    findReferralStats(ctx.db, userId),
    listRecentReferrals(ctx.db, userId, 20),
    rewardTotalsForUser(ctx.db, userId),
  ]);
  if (!profile) throw notFound("Client");
  return { profile, visaProgress, referralStats, recentReferrals, rewards };
}
