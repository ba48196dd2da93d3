import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { moveFilesToStorage } from "./files.service.ts";

/**
 * Every 10 minutes: files from before the storage (profile pictures kept as bytea) are copied into
 * it and dropped from the database. A no-op once none are left; a run after a crash redoes the rest.
 */
export const moveFilesToStorageJob = defineJob({
  name: "files.move-to-storage",
  payload: z.object({}),
  handler: async (_payload, ctx) => {
    const moved = await moveFilesToStorage(ctx);
    if (moved > 0) ctx.logger.info({ moved }, "files moved to storage");
  },
  cron: "*/10 * * * *",
  retryLimit: 3,
  expireInSeconds: 30 * 60,
});
