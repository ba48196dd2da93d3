import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { purgeOldEvents } from "./analytics.service.ts";

/** Forgets analytics events past their retention; safe to run any number of times. */
export const purgeAnalyticsEventsJob = defineJob({
  name: "analytics.purge-old-events",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const purged = await purgeOldEvents(ctx);
    if (purged > 0) ctx.logger.info({ purged }, "purged old analytics events");
  },
  // Daily at 03:41 UTC (after the idempotency purge).
  cron: "41 3 * * *",
});
