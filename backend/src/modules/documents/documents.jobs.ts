import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { remindExpiringDocuments } from "./documents.service.ts";

/** Daily (06:00 UTC): expiry reminders at 90, 30 and 7 days, each once (see document-reminders.ts). */
export const documentExpiryRemindersJob = defineJob({
  name: "document.expiry-reminders",
  // `now` lets tests (and a manual catch-up run) choose the day reminders are computed for.
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  handler: async (payload, ctx) => {
    const sent = await remindExpiringDocuments(ctx, payload.now ? new Date(payload.now) : new Date());
    if (sent > 0) ctx.logger.info({ sent }, "document expiry reminders sent");
  },
  cron: "0 6 * * *",
  retryLimit: 2,
  expireInSeconds: 15 * 60,
});
