import type { AppContext } from "../context.ts";
import { timeJob } from "../lib/job-metrics.ts";
import { registerCaseSchedules } from "../modules/cases/cases.jobs.ts";
import { registerSchedules } from "../modules/notifications/reminders.jobs.ts";
import { registerReferralSchedules } from "../modules/referrals/referrals.jobs.ts";
import { withJobSpan } from "../telemetry.ts";
import type { JobDefinition } from "./job.ts";
import { TRACE_KEY } from "./queue.ts";
import { JOBS } from "./registry.ts";

/** Runs one job's handler: traced (continuing the sender's trace) and timed into job_duration_seconds. */
async function runJob(job: JobDefinition<never>, item: { id: string; data: unknown }, ctx: AppContext) {
  const { [TRACE_KEY]: carrier, ...data } = (item.data ?? {}) as Record<string, unknown>;
  await withJobSpan(job.name, item.id, carrier as Record<string, string> | undefined, () =>
    timeJob(job.name, () => job.handler(job.payload.parse(data) as never, ctx)),
  );
}

/** Subscribes a handler for every job and registers the recurring ones; pg-boss retries failures. */
export async function startWorkers(
  ctx: AppContext,
  jobs: readonly JobDefinition<never>[] = JOBS,
): Promise<void> {
  for (const job of jobs) {
    // One job per fetch: a failing job is retried alone instead of failing its whole batch.
    // burstWhenReadyExceeds: while jobs are waiting, fetch again at once instead of after the polling interval.
    const options = {
      batchSize: 1,
      burstWhenReadyExceeds: 1,
      pollingIntervalSeconds: 0.5,
      localConcurrency: ctx.config.workerConcurrency,
    };
    await ctx.queue.boss.work(job.name, options, async (batch) => {
      for (const item of batch) await runJob(job, item, ctx);
    });
  }
  await registerSchedules(ctx);
  await registerReferralSchedules(ctx);
  await registerCaseSchedules(ctx);
}

/** Runs every queued job now, in this process, until the queues are empty (tests and scripts). */
export async function drainQueues(
  ctx: AppContext,
  jobs: readonly JobDefinition<never>[] = JOBS,
): Promise<number> {
  let processed = 0;
  for (let round = 0; round < 20; round += 1) {
    let found = 0;
    for (const job of jobs) {
      const batch = await ctx.queue.boss.fetch(job.name, { batchSize: 50 });
      for (const item of batch) {
        found += 1;
        try {
          await runJob(job, item, ctx);
          await ctx.queue.boss.complete(job.name, item.id);
        } catch (error) {
          await ctx.queue.boss.fail(job.name, item.id, { message: String(error) });
          throw error;
        }
      }
    }
    processed += found;
    if (found === 0) return processed;
  }
  return processed;
}
