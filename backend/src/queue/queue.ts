import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { DatabaseHandle, Tx } from "../db/client.ts";
import { traceCarrier } from "../telemetry.ts";
import type { AnyJob, JobDefinition } from "./job.ts";

export interface SendOptions {
  /** Send inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  singletonKey?: string;
  startAfter?: Date | number;
}

/** Where a job's payload carries the sender's trace context (the worker strips it before parsing). */
export const TRACE_KEY = "_trace";

/** A claimed job: its id and payload as stored (with the sender's trace context, if any). */
export interface ClaimedJob {
  id: string;
  data: unknown;
}

export interface WorkOptions {
  /** How many of this job run at once in this process. */
  concurrency: number;
}

/** The stored payload: validated, with the sender's trace context beside it. */
function stored<P>(job: JobDefinition<P>, payload: P): object {
  const carrier = traceCarrier();
  return { ...(job.payload.parse(payload) as object), ...(carrier ? { [TRACE_KEY]: carrier } : {}) };
}

/** pg-boss on the application database, typed by job definitions; the only user of pg-boss. */
export class JobQueue {
  constructor(
    private readonly boss: PgBoss,
    /** Seconds between fetches of an idle worker: the base poll, or the backstop when NOTIFY wakes it. */
    private readonly idlePoll: { pollingIntervalSeconds: number; notifyPollingIntervalSeconds?: number },
  ) {}

  async send<P>(job: JobDefinition<P>, payload: P, options: SendOptions = {}): Promise<string | null> {
    return this.boss.send(job.name, stored(job, payload), {
      ...(options.tx
        ? { db: fromDrizzle(options.tx as unknown as Parameters<typeof fromDrizzle>[0], sql) }
        : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    });
  }

  /** Queues many jobs of one kind in one insert (a fan-out); each payload is validated first. */
  async sendMany<P>(job: JobDefinition<P>, payloads: readonly P[]): Promise<void> {
    if (payloads.length === 0) return;
    await this.boss.insert(
      job.name,
      payloads.map((payload) => ({ data: stored(job, payload) })),
    );
  }

  /** Runs `handler` for each job as it arrives, one job per fetch: a failure is retried alone. */
  async work(job: AnyJob, options: WorkOptions, handler: (item: ClaimedJob) => Promise<void>): Promise<void> {
    // burstWhenReadyExceeds: while jobs are waiting, fetch again at once instead of after the polling interval.
    await this.boss.work(
      job.name,
      {
        batchSize: 1,
        burstWhenReadyExceeds: 1,
        ...this.idlePoll,
        localConcurrency: options.concurrency,
      },
      async (batch) => {
        for (const item of batch) await handler(item);
      },
    );
  }

  /** Claims up to `limit` waiting jobs without a worker (tests and scripts run them by hand). */
  fetch(job: AnyJob, limit = 1): Promise<ClaimedJob[]> {
    return this.boss.fetch(job.name, { batchSize: limit });
  }

  async complete(job: AnyJob, id: string): Promise<void> {
    await this.boss.complete(job.name, id);
  }

  /** Marks a claimed job failed; pg-boss retries it per the queue's retry policy. */
  async fail(job: AnyJob, id: string, message: string): Promise<void> {
    await this.boss.fail(job.name, id, { message });
  }

  /** Keeps one schedule per job name (UTC); calling it again replaces the cron. */
  async schedule(job: AnyJob, cron: string): Promise<void> {
    await this.boss.schedule(job.name, cron, {}, { tz: "UTC" });
  }

  /** The recurring jobs registered so far. */
  async schedules(): Promise<{ name: string; cron: string }[]> {
    return (await this.boss.getSchedules()).map(({ name, cron }) => ({ name, cron }));
  }

  /** Jobs waiting or running across all queues (for /metrics and tests). */
  async depth(names: readonly string[]): Promise<Record<string, number>> {
    const queues = await this.boss.getQueues([...names]);
    return Object.fromEntries(
      queues.map((queue) => [queue.name, (queue.queuedCount ?? 0) + (queue.activeCount ?? 0)]),
    );
  }

  stop(): Promise<void> {
    return this.boss.stop({ graceful: true, timeout: 10_000 });
  }
}

/**
 * Embedded (PGlite): every queue NOTIFYs as a job is inserted and idle workers sleep, fetching only on
 * a wake-up or every EMBEDDED_BACKSTOP_SECONDS (5 queues × 4 workers polling every 0.5 s kept an idle
 * server at 5-6 % of a core). One process, one connection: the NOTIFY costs nothing there.
 * PostgreSQL keeps polling every 0.5 s: a transaction that NOTIFYs takes a cluster-wide lock at commit
 * and holds it through its WAL flush, so job-queuing transactions commit one at a time (the earlier
 * per-queue NOTIFY attempt: 376 → 288 req/s under load; docs/performance.md).
 */
const EMBEDDED_BACKSTOP_SECONDS = 60;

/** pg-boss's minimum heartbeat; also how often the supervisor looks for lost jobs. */
const RECOVERY_SECONDS = 10;

export interface QueueOptions {
  /** Start maintenance and scheduling (the worker role); API-only processes just send. */
  supervise: boolean;
}

export async function startQueue(
  database: DatabaseHandle,
  jobs: readonly AnyJob[],
  options: QueueOptions,
): Promise<JobQueue> {
  const boss =
    database.kind === "pglite"
      ? new PgBoss({
          db: fromPglite(database.pglite!),
          backend: "pglite",
          useListenNotify: true,
          // Schedules are by the minute: their check, and the flow check, every 45 s (pg-boss's most)
          // rather than 5.
          cronWorkerIntervalSeconds: 45,
          flowIntervalSeconds: 45,
          // The instance registry compares instances sharing a database: there is one here. Its
          // heartbeat samples the event loop every 20 ms (50 wake-ups a second) and writes every 30 s.
          registerInstance: false,
          supervise: options.supervise,
          schedule: options.supervise,
        })
      : new PgBoss({
          connectionString: database.url!,
          max: 4,
          // Wakes workers the moment a job is queued; API-only processes send and never work.
          useListenNotify: options.supervise,
          supervise: options.supervise,
          schedule: options.supervise,
          // Jobs of a crashed worker are retried after a missed heartbeat (below), checked this often.
          superviseIntervalSeconds: RECOVERY_SECONDS,
          monitorIntervalSeconds: RECOVERY_SECONDS,
        });
  boss.on("error", () => {});
  await boss.start();
  // PostgreSQL: workers heartbeat their jobs, so a killed worker's jobs go back to the queue within
  // about 2 × RECOVERY_SECONDS instead of waiting out expireInSeconds.
  const heartbeatSeconds = database.kind === "postgres" ? RECOVERY_SECONDS : undefined;
  const notify = database.kind === "pglite";
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      // Backoff from 2 s: 2-4 s, 4-8 s, … 64-128 s. Six retries take at least 126 s, far longer than
      // the 15 s after which a delivery claim left by a crashed worker lapses
      // (notification-delivery.ts), so such a job ends in a resend rather than in "failed".
      retryLimit: job.retryLimit ?? 6,
      retryDelay: 2,
      retryBackoff: true,
      expireInSeconds: job.expireInSeconds ?? 60,
      ...(heartbeatSeconds ? { heartbeatSeconds } : {}),
      notify,
    });
    // createQueue leaves an existing queue as it was.
    if (heartbeatSeconds)
      await boss.updateQueue(job.name, {
        heartbeatSeconds,
        retryDelay: 2,
        retryLimit: job.retryLimit ?? 6,
        notify,
      });
    else await boss.updateQueue(job.name, { notify });
  }
  return new JobQueue(
    boss,
    notify
      ? { pollingIntervalSeconds: 0.5, notifyPollingIntervalSeconds: EMBEDDED_BACKSTOP_SECONDS }
      : { pollingIntervalSeconds: 0.5 },
  );
}
