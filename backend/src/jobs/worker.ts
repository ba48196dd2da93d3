import type { AppContext } from "../context.ts";
import { timeJob } from "../lib/job-metrics.ts";
import type { AnyJob } from "../queue/job.ts";
import { type ClaimedJob, TRACE_KEY } from "../queue/queue.ts";
import { withJobSpan } from "../telemetry.ts";
import { JOBS } from "./registry.ts";

/** Runs one job's handler: traced (continuing the sender's trace) and timed into job_duration_seconds. */
async function runJob(job: AnyJob, item: ClaimedJob, ctx: AppContext) {
  const { [TRACE_KEY]: carrier, ...data } = (item.data ?? {}) as Record<string, unknown>;
  await withJobSpan(job.name, item.id, carrier as Record<string, string> | undefined, () =>
    timeJob(job.name, () => job.handler(job.payload.parse(data), ctx)),
  );
}

/** Registers the schedule of every job that has a cron (pg-boss keeps one schedule per name). */
export async function registerSchedules(ctx: AppContext, jobs: readonly AnyJob[] = JOBS): Promise<void> {
  for (const job of jobs) if (job.cron) await ctx.queue.schedule(job, job.cron);
}

/**
 * Subscribes a handler for every job and registers the recurring ones; pg-boss retries failures.
 * A recurring job gets one worker: it runs once per schedule across all workers, so more would only
 * poll (each worker fetches on its own: 12 recurring queues × 4 workers were 48 of an idle worker's
 * 64 pollers).
 */
export async function startWorkers(ctx: AppContext, jobs: readonly AnyJob[] = JOBS): Promise<void> {
  for (const job of jobs) {
    const concurrency = job.cron ? 1 : ctx.config.workerConcurrency;
    await ctx.queue.work(job, { concurrency }, (item) => runJob(job, item, ctx));
  }
  await registerSchedules(ctx, jobs);
}

/** Runs every queued job now, in this process, until the queues are empty (tests and scripts). */
export async function drainQueues(ctx: AppContext, jobs: readonly AnyJob[] = JOBS): Promise<number> {
  let processed = 0;
  for (let round = 0; round < 20; round += 1) {
    let found = 0;
    for (const job of jobs) {
      const batch = await ctx.queue.fetch(job, 50);
      for (const item of batch) {
        found += 1;
        try {
          await runJob(job, item, ctx);
          await ctx.queue.complete(job, item.id);
        } catch (error) {
          await ctx.queue.fail(job, item.id, String(error));
          throw error;
        }
      }
    }
    processed += found;
    if (found === 0) return processed;
  }
  return processed;
}
