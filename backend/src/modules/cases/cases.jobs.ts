import { z } from "zod";
import type { AppContext } from "../../context.ts";
import { defineJob } from "../../queue/job.ts";
import { remindOverdueTasks } from "./case-reminders.service.ts";

export const remindOverdueTasksJob = defineJob({
  name: "case.overdue-task-reminders",
  // `now` lets tests (and a manual catch-up run) choose the moment reminders are computed for.
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  handler: async (payload, ctx) => {
    const reminded = await remindOverdueTasks(ctx, payload.now ? new Date(payload.now) : new Date());
    if (reminded > 0) ctx.logger.info({ reminded }, "overdue task reminders sent");
  },
  retryLimit: 2,
  expireInSeconds: 15 * 60,
});

/** Hourly: a task that falls overdue is reminded within the hour, then once a day. */
export const OVERDUE_TASK_CRON = "15 * * * *";

export async function registerCaseSchedules(ctx: AppContext): Promise<void> {
  await ctx.queue.boss.schedule(remindOverdueTasksJob.name, OVERDUE_TASK_CRON, {}, { tz: "UTC" });
}
