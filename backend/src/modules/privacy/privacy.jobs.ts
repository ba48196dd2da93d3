import { z } from "zod";
import { defineJob } from "../../queue/job.ts";
import { eraseDueAccounts } from "./account-deletion.service.ts";
import { buildDataExport } from "./data-export-run.ts";
import { applyRetention } from "./retention.service.ts";

/** Builds one "Download my data" zip. */
export const buildDataExportJob = defineJob({
  name: "privacy.build-data-export",
  payload: z.object({ exportId: z.uuid() }),
  handler: (payload, ctx) => buildDataExport(ctx, payload.exportId),
  retryLimit: 3,
  expireInSeconds: 15 * 60,
});

/** Daily: accounts whose 30 days are up are erased (or anonymised where a legal hold applies). */
export const eraseDueAccountsJob = defineJob({
  name: "privacy.erase-due-accounts",
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  handler: async (payload, ctx) => {
    const erased = await eraseDueAccounts(ctx, payload.now ? new Date(payload.now) : new Date());
    if (erased > 0) ctx.logger.info({ erased }, "erased accounts whose deletion was due");
  },
  cron: "5 3 * * *",
  expireInSeconds: 30 * 60,
});

/** Daily: the retention rules from the settings; logs what each removed. */
export const applyRetentionJob = defineJob({
  name: "privacy.apply-retention",
  payload: z.object({ now: z.iso.datetime({ offset: true }).optional() }),
  handler: async (payload, ctx) => {
    await applyRetention(ctx, payload.now ? new Date(payload.now) : new Date());
  },
  // 03:35 UTC: before the analytics purge (03:41), so old events are counted before any are dropped.
  cron: "35 3 * * *",
  expireInSeconds: 30 * 60,
});
