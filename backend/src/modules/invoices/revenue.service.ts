import type { RevenueAnalytics, RevenueAnalyticsQuery } from "@referral-app/shared/schemas/invoice";
import type { AppContext } from "../../context.ts";
import { todayUtc } from "./invoice-totals.ts";
import { outstanding, referralRoi, revenueByMonth } from "./revenue.repository.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Revenue by month (the last 12 months by default), what is owed, and referral ROI per channel. */
export async function getRevenueAnalytics(
  ctx: AppContext,
  query: RevenueAnalyticsQuery,
): Promise<RevenueAnalytics> {
  const today = todayUtc();
  const to = query.to ?? today;
  const from =
    query.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - 365 * DAY_MS).toISOString().slice(0, 10);
  const [months, owed, roi] = await Promise.all([
    revenueByMonth(ctx.db, from, to),
    outstanding(ctx.db, today),
    referralRoi(ctx.db),
  ]);
  return { revenueByMonth: months, outstanding: owed, referralRoi: roi };
}
