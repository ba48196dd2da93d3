import { z } from "zod";
import { purgeExpiredIdempotencyKeys } from "../../lib/idempotency.ts";
import { defineJob } from "../../queue/job.ts";

/** Forgets `Idempotency-Key`s older than a day; safe to run any number of times. */
export const purgeIdempotencyKeysJob = defineJob({
  name: "referrals.purge-idempotency-keys",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const purged = await purgeExpiredIdempotencyKeys(ctx.db);
    if (purged > 0) ctx.logger.info({ purged }, "purged expired idempotency keys");
  },
  // Daily at 03:17 UTC (off the hour, away from the hourly reminders).
  cron: "17 3 * * *",
});
