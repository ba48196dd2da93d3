import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { remindOverdueInvoices } from "./invoice-reminders.service.ts";

/** Daily at 08:05 UTC: overdue reminders at +1, +7 and +14 days, then the consultant is told. */
export const remindOverdueInvoicesJob = defineJob({
  name: "invoice.overdue-reminders",
  // `now` lets tests (and a manual catch-up run) choose the day reminders are computed for.
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  handler: async (payload, ctx) => {
    const reminded = await remindOverdueInvoices(ctx, payload.now ? new Date(payload.now) : new Date());
    if (reminded > 0) ctx.logger.info({ reminded }, "overdue invoice reminders sent");
  },
  cron: "5 8 * * *",
  retryLimit: 2,
  expireInSeconds: 15 * 60,
});
