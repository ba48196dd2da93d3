import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { sendDueReminders } from "./reminders.service.ts";

export const sendRemindersJob = defineJob({
  name: "notification.reminders",
  // `now` lets tests (and a manual catch-up run) choose the moment reminders are computed for.
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  handler: async (payload, ctx) => {
    const run = await sendDueReminders(ctx, payload.now ? new Date(payload.now) : new Date());
    if (run.referrals + run.cases > 0) ctx.logger.info(run, "reminders sent");
  },
  // Hourly: overdue referrals remind staff, stuck cases remind clients.
  cron: "0 * * * *",
  retryLimit: 2,
  expireInSeconds: 15 * 60,
});
