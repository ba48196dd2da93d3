import type { ReferralStats, RewardTotals } from "@referral-app/shared/schemas/referral";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";

/**
 * One statement: status counts over (referrer_id, status) and reward totals per currency over
 * reward_ledger (user_id, status). Reversed rewards count for nothing.
 */
export function referralStatsQuery(userId: string): SQL {
  return sql`
    select
      (select json_build_object(
          'total', count(*),
          'pending', count(*) filter (where status = 'pending'),
          'contacted', count(*) filter (where status = 'contacted'),
          'qualified', count(*) filter (where status = 'qualified'),
          'converted', count(*) filter (where status = 'converted'),
          'rejected', count(*) filter (where status = 'rejected'))
        from referrals where referrer_id = ${userId}) as counts,
      (select coalesce(json_agg(json_build_object(
            'currency', currency, 'earnedMinor', earned, 'pendingMinor', pending) order by currency), '[]'::json)
        from (
          select currency,
            coalesce(sum(amount_minor) filter (where status in ('approved', 'paid')), 0) as earned,
            coalesce(sum(amount_minor) filter (where status = 'pending'), 0) as pending
          from reward_ledger
          where user_id = ${userId} and kind = 'referral_reward' and status in ('pending', 'approved', 'paid')
          group by currency
        ) totals) as rewards`;
}

interface StatsRow {
  counts: { total: number } & ReferralStats["byStatus"];
  rewards: RewardTotals[];
}

// PGlite and node-postgres both parse json columns; pick the rows out of either driver's result.
function firstRow<T>(result: unknown): T {
  const rows = (result as { rows: T[] }).rows;
  return rows[0] as T;
}

export async function findReferralStats(db: DbOrTx, userId: string): Promise<ReferralStats> {
  const row = firstRow<StatsRow>(await db.execute(referralStatsQuery(userId)));
  const { total, ...byStatus } = row.counts;
  return {
    total: Number(total),
    byStatus: {
      pending: Number(byStatus.pending),
      contacted: Number(byStatus.contacted),
      qualified: Number(byStatus.qualified),
      converted: Number(byStatus.converted),
      rejected: Number(byStatus.rejected),
    },
    conversionRate: total > 0 ? Number(byStatus.converted) / Number(total) : 0,
    rewards: row.rewards.map((entry) => ({
      currency: entry.currency,
      earnedMinor: Number(entry.earnedMinor),
      pendingMinor: Number(entry.pendingMinor),
    })),
  };
}
