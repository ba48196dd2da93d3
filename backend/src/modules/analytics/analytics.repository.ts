import type { DailyPoint, Funnel, TopReferrer } from "@referral-app/shared/schemas/analytics";
import type { TopPartner } from "@referral-app/shared/schemas/analytics-partners";
import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { analyticsEvents } from "../../db/schema/index.ts";

export interface ServerEvent {
  name: string;
  userId?: string | null;
  properties?: Record<string, unknown>;
}

/** Records a business event; pass the transaction so it lands with the change it describes. */
export async function insertServerEvent(db: DbOrTx, event: ServerEvent): Promise<void> {
  await db.insert(analyticsEvents).values({
    name: event.name,
    userId: event.userId ?? null,
    source: "server",
    properties: event.properties ?? null,
  });
}

export interface ClientEvent {
  name: string;
  properties: Record<string, unknown> | null;
  sessionId: string | null;
  occurredAt: Date;
}

/** A client's batch in one multi-row insert. */
export async function insertClientEvents(
  db: DbOrTx,
  userId: string | null,
  events: readonly ClientEvent[],
): Promise<number> {
  if (events.length === 0) return 0;
  await db
    .insert(analyticsEvents)
    .values(events.map((event) => ({ ...event, userId, source: "client" as const })));
  return events.length;
}

/** A UTC date range: `start` inclusive, `end` exclusive (the day after `to`). */
export interface DateRange {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

const inRange = (column: SQL, range: DateRange) =>
  sql`${column} >= ${range.start.toISOString()}::timestamptz and ${column} < ${range.end.toISOString()}::timestamptz`;

function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

interface FunnelRow {
  total: number;
  pending: number;
  contacted: number;
  qualified: number;
  converted: number;
  rejected: number;
  reached_contacted: number;
  reached_qualified: number;
  median_hours: number | string | null;
}

/**
 * Referrals created in the range: current status counts, how far each got (a rejected referral
 * reached the status it was rejected from) and the median hours from creation to conversion.
 */
export async function queryFunnel(db: DbOrTx, range: DateRange): Promise<Funnel> {
  const result = await db.execute(sql`
    with scoped as (
      select r.status, r.created_at, r.converted_at,
        case when r.status = 'rejected' then (
          select h.from_status from referral_status_history h
          where h.referral_id = r.id and h.to_status = 'rejected'
          order by h.created_at desc limit 1
        ) else r.status end as furthest
      from referrals r
      where ${inRange(sql`r.created_at`, range)}
    )
    select
      count(*)::int as total,
      (count(*) filter (where status = 'pending'))::int as pending,
      (count(*) filter (where status = 'contacted'))::int as contacted,
      (count(*) filter (where status = 'qualified'))::int as qualified,
      (count(*) filter (where status = 'converted'))::int as converted,
      (count(*) filter (where status = 'rejected'))::int as rejected,
      (count(*) filter (where furthest in ('contacted', 'qualified', 'converted')))::int as reached_contacted,
      (count(*) filter (where furthest in ('qualified', 'converted')))::int as reached_qualified,
      (percentile_cont(0.5) within group (order by extract(epoch from converted_at - created_at))
        filter (where converted_at is not null)) / 3600.0 as median_hours
    from scoped
  `);
  const row = rowsOf<FunnelRow>(result)[0]!;
  const median = row.median_hours === null ? null : Number(row.median_hours);
  return {
    from: range.from,
    to: range.to,
    total: row.total,
    byStatus: {
      pending: row.pending,
      contacted: row.contacted,
      qualified: row.qualified,
      converted: row.converted,
      rejected: row.rejected,
    },
    reached: {
      pending: row.total,
      contacted: row.reached_contacted,
      qualified: row.reached_qualified,
      converted: row.converted,
    },
    conversionRate: row.total === 0 ? 0 : row.converted / row.total,
    medianHoursToConvert: median === null ? null : Math.round(median * 100) / 100,
  };
}

/** Referrals created and converted per UTC day; days without any are zeros, not gaps. */
export async function queryDailySeries(db: DbOrTx, range: DateRange): Promise<DailyPoint[]> {
  const result = await db.execute(sql`
    with days as (
      select generate_series(${range.from}::date, ${range.to}::date, interval '1 day')::date as day
    ),
    created as (
      select (created_at at time zone 'UTC')::date as day, count(*)::int as n
      from referrals where ${inRange(sql`created_at`, range)} group by 1
    ),
    converted as (
      select (converted_at at time zone 'UTC')::date as day, count(*)::int as n
      from referrals where ${inRange(sql`converted_at`, range)} group by 1
    )
    select to_char(days.day, 'YYYY-MM-DD') as date,
      coalesce(created.n, 0)::int as created,
      coalesce(converted.n, 0)::int as converted
    from days
    left join created on created.day = days.day
    left join converted on converted.day = days.day
    order by days.day
  `);
  return rowsOf<DailyPoint>(result);
}

/** The referrers with the most referrals created in the range. */
export async function queryTopReferrers(db: DbOrTx, range: DateRange, limit = 10): Promise<TopReferrer[]> {
  const result = await db.execute(sql`
    select u.id as "userId", u.name, u.email, t.referrals, t.converted
    from (
      select referrer_id,
        count(*)::int as referrals,
        (count(*) filter (where status = 'converted'))::int as converted
      from referrals
      where ${inRange(sql`created_at`, range)}
      group by referrer_id
      order by referrals desc, converted desc, referrer_id
      limit ${limit}
    ) t
    join users u on u.id = t.referrer_id
    order by t.referrals desc, t.converted desc, u.id
  `);
  return rowsOf<TopReferrer>(result);
}

interface PartnerRow {
  id: string;
  name: string;
  currency: string;
  referrals: number;
  converted: number;
  commission: number | string;
}

/** Partner organisations by referrals created in the range, with the commission those earned. */
export async function queryTopPartners(db: DbOrTx, range: DateRange, limit = 10): Promise<TopPartner[]> {
  const result = await db.execute(sql`
    select p.id, p.name, p.commission_currency as currency, t.referrals, t.converted,
      coalesce((
        select sum(l.amount_minor)
        from reward_ledger l
        join referrals r on r.id = l.referral_id
        where l.partner_organization_id = p.id
          and l.kind = 'partner_commission'
          and l.status <> 'reversed'
          and l.currency = p.commission_currency
          and ${inRange(sql`r.created_at`, range)}
      ), 0)::bigint as commission
    from (
      select partner_organization_id,
        count(*)::int as referrals,
        (count(*) filter (where status = 'converted'))::int as converted
      from referrals
      where partner_organization_id is not null and ${inRange(sql`created_at`, range)}
      group by partner_organization_id
    ) t
    join partner_organizations p on p.id = t.partner_organization_id
    order by t.referrals desc, t.converted desc, p.name
    limit ${limit}
  `);
  return rowsOf<PartnerRow>(result).map((row) => ({
    partnerOrganizationId: row.id,
    name: row.name,
    referrals: row.referrals,
    converted: row.converted,
    conversionRate: row.referrals === 0 ? 0 : row.converted / row.referrals,
    commissionMinor: Number(row.commission),
    currency: row.currency,
  }));
}

/** Deletes up to `batch` events recorded before `cutoff`; answers how many went. */
/**
 * Drops up to `batch` events older than `cutoff`, adding them to the daily counts per event name
 * first (in the same statement): the figures survive, the per-person rows do not.
 */
export async function deleteEventsBefore(db: DbOrTx, cutoff: Date, batch: number): Promise<number> {
  const result = await db.execute(sql`
    with gone as (
      delete from analytics_events where id in (
        select id from analytics_events where created_at < ${cutoff.toISOString()}::timestamptz limit ${batch}
      ) returning name, occurred_at
    ), counted as (
      insert into analytics_daily_counts (day, name, count)
      select (occurred_at at time zone 'UTC')::date, name, count(*)::int from gone group by 1, 2
      on conflict (day, name) do update set count = analytics_daily_counts.count + excluded.count
      returning 1
    )
    select (select count(*) from gone)::int as deleted, (select count(*) from counted)::int as days`);
  return rowsOf<{ deleted: number }>(result)[0]?.deleted ?? 0;
}
