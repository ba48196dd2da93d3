import type { AppContext } from "../context.ts";
import { registerSchedules } from "../modules/notifications/reminders.jobs.ts";
import type { JobDefinition } from "./job.ts";
import { JOBS } from "./registry.ts";

/** Subscribes a handler for every job and registers the recurring ones; pg-boss retries failures. */
export async function startWorkers(
  ctx: AppContext,
  jobs: readonly JobDefinition<never>[] = JOBS,
): Promise<void> {
  for (const job of jobs) {
    await ctx.queue.boss.work(job.name, { batchSize: 10, pollingIntervalSeconds: 0.5 }, async (batch) => {
      for (const item of batch) {
        await job.handler(job.payload.parse(item.data) as never, ctx);
      }
    });
  }
  await registerSchedules(ctx);
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
          await job.handler(job.payload.parse(item.data) as never, ctx);
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
