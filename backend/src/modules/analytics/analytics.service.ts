import type {
  AnalyticsOverview,
  AnalyticsRangeQuery,
  TrackEventsData,
} from "@referral-app/shared/schemas/analytics";
import type { TopPartner } from "@referral-app/shared/schemas/analytics-partners";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import { DomainError } from "../../lib/domain-error.ts";
import {
  type DateRange,
  deleteEventsBefore,
  insertClientEvents,
  insertServerEvent,
  queryDailySeries,
  queryFunnel,
  queryTopPartners,
  queryTopReferrers,
  type ServerEvent,
} from "./analytics.repository.ts";

/** Records a business event; pass the change's transaction so the event exists only if it commits. */
export function recordEvent(db: DbOrTx, event: ServerEvent): Promise<void> {
  return insertServerEvent(db, event);
}

const DAY_MS = 86_400_000;
export const DEFAULT_RANGE_DAYS = 30;
/** Two years of daily points is the most a chart or an export needs. */
export const MAX_RANGE_DAYS = 731;
// A device whose clock runs ahead must not file events in the future.
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** `from`/`to` (inclusive UTC days) to a half-open timestamp range; the last 30 days by default. */
export function resolveRange(query: AnalyticsRangeQuery, now = new Date()): DateRange {
  const to = query.to ?? (query.from && query.from > isoDay(now) ? query.from : isoDay(now));
  const from = query.from ?? isoDay(new Date(Date.parse(to) - (DEFAULT_RANGE_DAYS - 1) * DAY_MS));
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS);
  if ((end.getTime() - start.getTime()) / DAY_MS > MAX_RANGE_DAYS) {
    throw new DomainError("VALIDATION_ERROR", "The date range is too long", {
      fields: { from: [`At most ${MAX_RANGE_DAYS} days`] },
    });
  }
  return { from, to, start, end };
}

/** Client-side events (the apps' Monitor.trackEvent), signed in or anonymous. */
export async function trackClientEvents(
  ctx: AppContext,
  userId: string | null,
  data: TrackEventsData,
): Promise<number> {
  const latest = Date.now() + MAX_CLOCK_SKEW_MS;
  return insertClientEvents(
    ctx.db,
    userId,
    data.events.map((event) => {
      const occurred = event.occurredAt ? Date.parse(event.occurredAt) : Date.now();
      return {
        name: event.name,
        properties: event.properties ?? null,
        sessionId: event.sessionId ?? null,
        occurredAt: new Date(Math.min(occurred, latest)),
      };
    }),
  );
}

// Aggregates over the whole pipeline are shared by every staff member: cached briefly, and dropped
// when staff move a referral. New referrals show up within the TTL rather than costing every submit.
const ANALYTICS_CACHE_PREFIX = "analytics:";
const ANALYTICS_TTL_SECONDS = 30;

export function invalidateAnalytics(ctx: AppContext): Promise<void> {
  return ctx.cache.delPrefix(ANALYTICS_CACHE_PREFIX);
}

/** Funnel, daily series and top referrers: one query each. */
export async function getOverview(ctx: AppContext, query: AnalyticsRangeQuery): Promise<AnalyticsOverview> {
  const range = resolveRange(query);
  return ctx.cache.wrap(
    `${ANALYTICS_CACHE_PREFIX}overview:${range.from}:${range.to}`,
    ANALYTICS_TTL_SECONDS,
    async () => {
      const [funnel, daily, topReferrers] = await Promise.all([
        queryFunnel(ctx.db, range),
        queryDailySeries(ctx.db, range),
        queryTopReferrers(ctx.db, range),
      ]);
      return { funnel, daily, topReferrers };
    },
  );
}

export async function getTopPartners(ctx: AppContext, query: AnalyticsRangeQuery): Promise<TopPartner[]> {
  const range = resolveRange(query);
  return ctx.cache.wrap(
    `${ANALYTICS_CACHE_PREFIX}partners:${range.from}:${range.to}`,
    ANALYTICS_TTL_SECONDS,
    () => queryTopPartners(ctx.db, range),
  );
}

export interface CsvExport {
  filename: string;
  body: string;
}

/** The daily series, then the funnel, as one CSV a spreadsheet opens directly. */
export async function exportOverviewCsv(ctx: AppContext, query: AnalyticsRangeQuery): Promise<CsvExport> {
  const range = resolveRange(query);
  const [funnel, daily] = await Promise.all([queryFunnel(ctx.db, range), queryDailySeries(ctx.db, range)]);
  const lines = ["date,created,converted", ...daily.map((p) => `${p.date},${p.created},${p.converted}`)];
  lines.push("", "status,current,reached");
  for (const status of ["pending", "contacted", "qualified", "converted"] as const) {
    lines.push(`${status},${funnel.byStatus[status]},${funnel.reached[status]}`);
  }
  lines.push(`rejected,${funnel.byStatus.rejected},`);
  lines.push("", "metric,value");
  lines.push(`total,${funnel.total}`);
  lines.push(`conversion_rate,${funnel.conversionRate.toFixed(4)}`);
  lines.push(`median_hours_to_convert,${funnel.medianHoursToConvert ?? ""}`);
  return {
    filename: `referral-analytics-${range.from}-to-${range.to}.csv`,
    body: `${lines.join("\r\n")}\r\n`,
  };
}

/** Forgets events older than ANALYTICS_RETENTION_DAYS, in batches so no statement runs long. */
export async function purgeOldEvents(ctx: AppContext, now = new Date()): Promise<number> {
  return aggregateAndDropEventsBefore(
    ctx,
    new Date(now.getTime() - ctx.config.retention.analyticsDays * DAY_MS),
  );
}

/** Events older than `cutoff` become daily counts per name, then go (the privacy retention rule). */
export async function aggregateAndDropEventsBefore(ctx: AppContext, cutoff: Date): Promise<number> {
  let purged = 0;
  for (;;) {
    const deleted = await deleteEventsBefore(ctx.db, cutoff, 5_000);
    purged += deleted;
    if (deleted < 5_000) return purged;
  }
}
