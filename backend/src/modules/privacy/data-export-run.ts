import { Readable } from "node:stream";
import type { AppContext } from "../../context.ts";
import { removeStoredFile, storeUpload } from "../files/files.service.ts";
import { enqueueNotification } from "../notifications/notifications.service.ts";
import { findExport, listExpiredExports, updateExport } from "./data-export.repository.ts";
import { buildExportZip } from "./export-builder.ts";

// The export's queue work (the job handler and the expiry sweep), apart from the service that queues
// it, so the job definitions and the service do not import each other.

export const EXPORT_LINK_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The job: builds the zip, stores it, and tells the user. Idempotent (a finished export is left alone). */
export async function buildDataExport(ctx: AppContext, exportId: string): Promise<void> {
  const row = await findExport(ctx.db, exportId);
  if (!row || row.state === "ready" || row.state === "expired") return;
  await updateExport(ctx.db, exportId, { state: "running" });
  try {
    const zip = await buildExportZip(ctx, ctx.db, row.userId);
    const now = new Date();
    // Kept like any upload (type checked by its bytes, scanned, in the file storage), then linked.
    const stored = await storeUpload(ctx, Readable.from([zip]), {
      ownerId: row.userId,
      purpose: "data_export",
      fileName: `my-data-${now.toISOString().slice(0, 10)}.zip`,
      accept: ["application/zip"],
      maxBytes: 4 * 1024 * 1024 * 1024,
    });
    await ctx.db.transaction(async (tx) => {
      await updateExport(tx, exportId, {
        state: "ready",
        fileId: stored.id,
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

/** Expired exports lose their file (the row stays as history); answers how many. */
export async function purgeExpiredExports(ctx: AppContext, now: Date): Promise<number> {
  const expired = await listExpiredExports(ctx.db, now);
  for (const row of expired) {
    await updateExport(ctx.db, row.id, { state: "expired", fileId: null });
    if (row.fileId) await removeStoredFile(ctx, row.fileId);
  }
  return expired.length;
}
