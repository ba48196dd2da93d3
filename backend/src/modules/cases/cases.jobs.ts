import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { remindOverdueTasks } from "./case-reminders.service.ts";

/** Hourly (UTC): a task that falls overdue is reminded within the hour, then once a day. */
export const remindOverdueTasksJob = defineJob({
  name: "case.overdue-task-reminders",
  // `now` lets tests (and a manual catch-up run) choose the moment reminders are computed for.
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  handler: async (payload, ctx) => {
    const reminded = await remindOverdueTasks(ctx, payload.now ? new Date(payload.now) : new Date());
    if (reminded > 0) ctx.logger.info({ reminded }, "overdue task reminders sent");
  },
  cron: "15 * * * *",
  retryLimit: 2,
  expireInSeconds: 15 * 60,
});
