import { VISA_STAGE_IDS } from "@referral-app/shared/constants";
import type { CaseAnalytics } from "@referral-app/shared/schemas/case";
import { sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";

/** node-postgres and PGlite both answer `{ rows }`. */
const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

const round = (value: number) => Math.round(value * 10) / 10;

/** Days spent in each stage a case has left, per visa type: median and 90th percentile. */
async function stageDurations(db: DbOrTx): Promise<CaseAnalytics["stageDurations"]> {
  const rows = rowsOf<{
    visa_type_id: string;
    visa_type_name: string;
    stage: (typeof VISA_STAGE_IDS)[number];
    cases: number;
    median_days: number;
    p90_days: number;
  }>(
    await db.execute(sql`
    with spans as (
      select c.visa_type_id, h.to_stage as stage, h.case_id,
        extract(epoch from (lead(h.created_at) over (partition by h.case_id order by h.created_at, h.id)
          - h.created_at)) / 86400 as days
      from case_stage_history h join cases c on c.id = h.case_id
    )
    select s.visa_type_id, v.name as visa_type_name, s.stage, count(distinct s.case_id)::int as cases,
      percentile_cont(0.5) within group (order by s.days)::float8 as median_days,
      percentile_cont(0.9) within group (order by s.days)::float8 as p90_days
    from spans s join visa_types v on v.id = s.visa_type_id
    where s.days is not null
    group by s.visa_type_id, v.name, s.stage`),
  );
  return rows
    .map((row) => ({
      visaTypeId: row.visa_type_id,
      visaTypeName: row.visa_type_name,
      stage: row.stage,
      cases: row.cases,
      medianDays: round(Math.max(0, row.median_days)),
      p90Days: round(Math.max(0, row.p90_days)),
    }))
    .sort(
      (a, b) =>
        a.visaTypeName.localeCompare(b.visaTypeName) ||
        VISA_STAGE_IDS.indexOf(a.stage) - VISA_STAGE_IDS.indexOf(b.stage),
    );
}

/** Open cases and their overdue tasks per active staff member, and the unassigned ones (id null). */
async function consultantLoad(db: DbOrTx): Promise<CaseAnalytics["consultants"]> {
  const rows = rowsOf<{ id: string | null; name: string; open_cases: number; overdue_tasks: number }>(
    await db.execute(sql`
    with open_cases as (
      select c.id, c.consultant_id,
        (select count(*) from case_tasks t where t.case_id = c.id and t.state = 'open' and t.due_at < now()) as overdue
      from cases c where c.outcome is null
    )
    select u.id, u.name, count(o.id)::int as open_cases, coalesce(sum(o.overdue), 0)::int as overdue_tasks
    from users u left join open_cases o on o.consultant_id = u.id
    where u.role in ('staff', 'admin') and u.deactivated_at is null
    group by u.id, u.name
    union all
    select null, 'Unassigned', count(*)::int, coalesce(sum(o.overdue), 0)::int
    from open_cases o where o.consultant_id is null`),
  );
  return rows
    .filter((row) => row.id !== null || row.open_cases > 0)
    .map((row) => ({
      id: row.id,
      name: row.name,
      openCases: row.open_cases,
      overdueTasks: row.overdue_tasks,
    }))
    .sort((a, b) => b.openCases - a.openCases || a.name.localeCompare(b.name));
}

async function outcomes(db: DbOrTx): Promise<CaseAnalytics["outcomes"]> {
  const rows = rowsOf<{
    visa_type_id: string;
    visa_type_name: string;
    granted: number;
    refused: number;
    withdrawn: number;
  }>(
    await db.execute(sql`
    select c.visa_type_id, v.name as visa_type_name,
      count(*) filter (where c.outcome = 'granted')::int as granted,
      count(*) filter (where c.outcome = 'refused')::int as refused,
      count(*) filter (where c.outcome = 'withdrawn')::int as withdrawn
    from cases c join visa_types v on v.id = c.visa_type_id
    where c.outcome is not null
    group by c.visa_type_id, v.name
    order by v.name`),
  );
  return rows.map((row) => ({
    visaTypeId: row.visa_type_id,
    visaTypeName: row.visa_type_name,
    granted: row.granted,
    refused: row.refused,
    withdrawn: row.withdrawn,
  }));
}

async function referralShare(db: DbOrTx): Promise<CaseAnalytics["referralShare"]> {
  const rows = rowsOf<{ cases: number; from_referral: number }>(
    await db.execute(sql`
    select (select count(*) from cases)::int as cases,
      (select count(*) from referrals where case_id is not null)::int as from_referral`),
  );
  const row = rows[0] ?? { cases: 0, from_referral: 0 };
  return {
    cases: row.cases,
    fromReferral: row.from_referral,
    share: row.cases === 0 ? 0 : row.from_referral / row.cases,
  };
}

export async function findCaseAnalytics(db: DbOrTx): Promise<CaseAnalytics> {
  return {
    stageDurations: await stageDurations(db),
    consultants: await consultantLoad(db),
    outcomes: await outcomes(db),
    referralShare: await referralShare(db),
  };
}
