import { sql } from "drizzle-orm";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { DatabaseHandle, Tx } from "../db/client.ts";
import { traceCarrier } from "../telemetry.ts";
import type { JobDefinition } from "./job.ts";

export interface SendOptions {
  /** Send inside this transaction: the job exists only if the transaction commits. */
  tx?: Tx;
  singletonKey?: string;
  startAfter?: Date | number;
}

/** Where a job's payload carries the sender's trace context (the worker strips it before parsing). */
export const TRACE_KEY = "_trace";

/** pg-boss on the application database, typed by job definitions. */
export class JobQueue {
  constructor(readonly boss: PgBoss) {}

  async send<P>(job: JobDefinition<P>, payload: P, options: SendOptions = {}): Promise<string | null> {
    const carrier = traceCarrier();
    const data = { ...(job.payload.parse(payload) as object), ...(carrier ? { [TRACE_KEY]: carrier } : {}) };
    return this.boss.send(job.name, data, {
      ...(options.tx
        ? { db: fromDrizzle(options.tx as unknown as Parameters<typeof fromDrizzle>[0], sql) }
        : {}),
      ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
      ...(options.startAfter !== undefined ? { startAfter: options.startAfter } : {}),
    });
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

/** pg-boss's minimum heartbeat; also how often the supervisor looks for lost jobs. */
const RECOVERY_SECONDS = 10;

export interface QueueOptions {
  /** Start maintenance and scheduling (the worker role); API-only processes just send. */
  supervise: boolean;
}

export async function startQueue(
  database: DatabaseHandle,
  jobs: readonly JobDefinition<never>[],
  options: QueueOptions,
): Promise<JobQueue> {
  const boss =
    database.kind === "pglite"
      ? new PgBoss({
          db: fromPglite(database.pglite!),
          backend: "pglite",
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
    });
    // createQueue leaves an existing queue as it was.
    if (heartbeatSeconds)
      await boss.updateQueue(job.name, { heartbeatSeconds, retryDelay: 2, retryLimit: job.retryLimit ?? 6 });
  }
  return new JobQueue(boss);
}
