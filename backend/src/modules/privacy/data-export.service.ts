import type { DataExport } from "@referral-app/shared/schemas/privacy";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { isUuid } from "../../lib/ids.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { deleteFileById, readStoredFile, storeFile } from "../files/files.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import {
  findExport,
  findPendingExport,
  insertExport,
  listExpiredExports,
  listExports,
  setExportJob,
  toDataExport,
  updateExport,
} from "./data-export.repository.ts";
import { buildExportZip } from "./export-builder.ts";
import { buildDataExportJob } from "./privacy.jobs.ts";

export const EXPORT_LINK_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

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

/** The job: builds the zip, stores it, and tells the user. Idempotent (a finished export is left alone). */
export async function buildDataExport(ctx: AppContext, exportId: string): Promise<void> {
  const row = await findExport(ctx.db, exportId);
  if (!row || row.state === "ready" || row.state === "expired") return;
  await updateExport(ctx.db, exportId, { state: "running" });
  try {
    const zip = await buildExportZip(ctx, ctx.db, row.userId);
    const now = new Date();
    await ctx.db.transaction(async (tx) => {
      const path = await storeFile(tx, {
        ownerId: row.userId,
        purpose: "data_export",
        contentType: "application/zip",
        content: zip,
      });
      await updateExport(tx, exportId, {
        state: "ready",
        fileId: path.split("/").pop()!,
        sizeBytes: zip.length,
        completedAt: now,
        expiresAt: new Date(now.getTime() + EXPORT_LINK_DAYS * DAY_MS),
        error: null,
      });
      await enqueueNotification(ctx, tx, {
        userId: row.userId,
        type: "system",
        title: "Your data is ready",
        body: "The copy of your data you asked for is ready to download for 7 days, from your profile.",
        message: { key: "privacy.export_ready", params: {} },
        data: { kind: "data_export", exportId },
        dedupeKey: `data-export-ready:${exportId}`,
      });
    });
  } catch (error) {
    await updateExport(ctx.db, exportId, {
      state: "failed",
      error: error instanceof Error ? error.message.slice(0, 500) : "export failed",
    });
    throw error;
  }
}

/** The zip, while its link lives; an expired or foreign export answers 404. Audited. */
export async function downloadDataExport(ctx: AppContext, actor: Actor, userId: string, exportId: string) {
  const row = isUuid(exportId) ? await findExport(ctx.db, exportId) : null;
  if (!row || row.userId !== userId) throw notFound("Export");
  const shown = toDataExport(row);
  if (shown.state !== "ready" || !row.fileId) throw notFound("Export");
  const file = await readStoredFile(ctx, actor, row.fileId, "data_export");
  await writeAudit(ctx.db, {
    actorId: actor.id,
    action: "privacy.export_downloaded",
    entityType: "user",
    entityId: userId,
    after: { exportId },
  });
  return file;
}

/** Expired exports lose their file (the row stays as history); answers how many. */
export async function purgeExpiredExports(ctx: AppContext, now: Date): Promise<number> {
  const expired = await listExpiredExports(ctx.db, now);
  for (const row of expired) {
    await ctx.db.transaction(async (tx) => {
      await updateExport(tx, row.id, { state: "expired", fileId: null });
      if (row.fileId) await deleteFileById(tx, row.fileId);
    });
  }
  return expired.length;
}
