import type pg from "pg";
import { sleep } from "./stack.ts";
import type { Acknowledged } from "./traffic.ts";

const QUEUES = ["notification.deliver", "broadcast.fan-out", "email.send"];

export async function activeDeliveries(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from pgboss.job where name = 'notification.deliver' and state = 'active'`,
  );
  return rows[0]!.n;
}

/**
 * Jobs still queued, running or waiting for a retry. A killed worker's jobs come back through
 * `retry` once their heartbeat is missed (a fan-out cut mid-way queues its deliveries only then),
 * so the queue is not settled while any job waits there.
 */
async function busyJobs(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `select count(*)::int as n from pgboss.job where name = any($1) and state in ('created', 'retry', 'active')`,
    [QUEUES],
  );
  return rows[0]!.n;
}

/** Waits until every queued notification has its in-app delivery settled and nothing is running. */
export async function waitForDeliveries(db: pg.Pool, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((await busyJobs(db)) === 0 && (await missingInApp(db)) === 0) return true;
    await sleep(250);
  }
  return false;
}

async function missingInApp(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`
    select count(*)::int as n from (
      select distinct data->>'dedupeKey' as key from pgboss.job where name = 'notification.deliver'
    ) j
    where not exists (
      select 1 from notification_deliveries d
       where d.dedupe_key = j.key and d.channel = 'inApp' and d.status in ('sent', 'skipped')
    )`);
  return rows[0]!.n;
}

/** Acknowledged referrals missing from the database, and acknowledged status changes not applied. */
export async function lostWrites(db: pg.Pool, acknowledged: Acknowledged): Promise<number> {
  const ids = [...acknowledged.referrals.keys()];
  const { rows } = await db.query<{ id: string; email: string }>(
    `select id, email from referrals where id = any($1::uuid[])`,
    [ids],
  );
  const found = new Map(rows.map((row) => [row.id, row.email.toLowerCase()]));
  let lost = 0;
  for (const [id, email] of acknowledged.referrals) if (found.get(id) !== email.toLowerCase()) lost += 1;
  const moved = [...acknowledged.statusChanges];
  const { rows: stillPending } = await db.query<{ n: number }>(
    `select count(*)::int as n from referrals where id = any($1::uuid[]) and status = 'pending'`,
    [moved],
  );
  return lost + stillPending[0]!.n;
}

export interface DeliveryReport {
  /** Distinct notifications the queue was asked to deliver. */
  expected: number;
  /** … of which have no settled in-app delivery (sent or skipped by preference). */
  missing: number;
  /** In-app rows or e-mails delivered more than once. */
  duplicates: number;
  /** Delivery jobs that ran out of retries. */
  failedJobs: number;
  /** E-mail deliveries left pending or failed once the queue settled: mail that never went out. */
  emailsNotSent: number;
}

export async function deliveries(db: pg.Pool, since: Date): Promise<DeliveryReport> {
  const one = async (sql: string, values: unknown[] = []) =>
    (await db.query<{ n: number }>(sql, values)).rows[0]!.n;
  const expected = await one(
    `select count(distinct data->>'dedupeKey')::int as n from pgboss.job where name = 'notification.deliver'`,
  );
  const missing = await missingInApp(db);
  const inAppDuplicates = await one(
    `select coalesce(sum(n - 1), 0)::int as n from (select count(*) as n from notifications group by dedupe_key having count(*) > 1) d`,
  );
  const mailDuplicates = await one(
    `select coalesce(sum(n - 1), 0)::int as n from (
       select count(*) as n from dev_mailbox where created_at >= $1 group by "to", subject, text having count(*) > 1
     ) d`,
    [since],
  );
  const failedJobs = await one(
    `select count(*)::int as n from pgboss.job where name in ('notification.deliver', 'broadcast.fan-out') and state = 'failed'`,
  );
  const emailsNotSent = await one(
    `select count(*)::int as n from notification_deliveries where channel = 'email' and status in ('pending', 'failed')`,
  );
  return { expected, missing, duplicates: inAppDuplicates + mailDuplicates, failedJobs, emailsNotSent };
}
