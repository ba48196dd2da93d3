import type { DataExport } from "@referral-app/shared/schemas/privacy";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { isUuid } from "../../lib/ids.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { openStoredFile, readStoredFile } from "../files/files.service.ts";
import {
  findExport,
  findPendingExport,
  insertExport,
  listExports,
  setExportJob,
  toDataExport,
} from "./data-export.repository.ts";
import { buildDataExportJob } from "./privacy.jobs.ts";

/**
 * Queues "Download my data" (a pg-boss job sent in the request's transaction); while one is still
 * queued or running, answers that one instead of starting a second. Audited, also when staff ask.
 */
export async function requestDataExport(ctx: AppContext, actor: Actor, userId: string): Promise<DataExport> {
  const row = await ctx.db.transaction(async (tx) => {
    const pending = await findPendingExport(tx, userId);
    if (pending) return pending;
    const created = await insertExport(tx, userId, actor.id);
    const jobId = await ctx.queue.send(buildDataExportJob, { exportId: created.id }, { tx });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "privacy.export_requested",
      entityType: "user",
      entityId: userId,
      after: { exportId: created.id, byStaff: actor.id !== userId },
    });
    return setExportJob(tx, created.id, jobId);
  });
  return toDataExport(row);
}

export async function listDataExports(ctx: AppContext, userId: string): Promise<DataExport[]> {
  return (await listExports(ctx.db, userId)).map((row) => toDataExport(row));
}

/** The zip, while its link lives; an expired or foreign export answers 404. Audited. */
export async function downloadDataExport(ctx: AppContext, actor: Actor, userId: string, exportId: string) {
  const row = isUuid(exportId) ? await findExport(ctx.db, exportId) : null;
  if (!row || row.userId !== userId) throw notFound("Export");
  const shown = toDataExport(row);
  if (shown.state !== "ready" || !row.fileId) throw notFound("Export");
  const file = await readStoredFile(ctx, actor, row.fileId, { dataExport: true });
  await writeAudit(ctx.db, {
    actorId: actor.id,
    action: "privacy.export_downloaded",
    entityType: "user",
    entityId: userId,
    after: { exportId },
  });
  return { file, stream: await openStoredFile(ctx, file) };
}
