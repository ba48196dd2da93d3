import { Readable } from "node:stream";
import { isStaffRole } from "@referral-app/shared/constants";
import type { ProfilePictureType } from "@referral-app/shared/schemas/user";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import {
  deleteStoredFileRow,
  deleteStoredFilesOf,
  type FilePurpose,
  findStoredFile,
  listFilesToMove,
  listStoredFilesOf,
  markFileMoved,
  type StoredFile,
} from "./files.repository.ts";

import { storageKeyFor } from "./store-upload.ts";

export { type StoredUpload, storageKeyFor, storeUpload, type UploadOptions } from "./store-upload.ts";

/** The public path of a stored file (what the profile's `profilePicture` holds). */
export const filePath = (id: string) => `/api/files/${id}`;

const startsWith = (content: Buffer, bytes: number[], offset = 0) =>
  bytes.every((byte, index) => content[offset + index] === byte);

/** The image type told by the file's first bytes, whatever name or Content-Type it came with. */
export function detectImageType(content: Buffer): ProfilePictureType | null {
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(content, [0xff, 0xd8, 0xff])) return "image/jpeg";
  // RIFF....WEBP
  if (startsWith(content, [0x52, 0x49, 0x46, 0x46]) && startsWith(content, [0x57, 0x45, 0x42, 0x50], 8)) {
    return "image/webp";
  }
  return null;
}

/**
 * Removes a user's files kept for one purpose (the previous profile picture) in the caller's
 * transaction, keeping `except`; answers the storage keys to discard once it commits.
 */
export function deleteFilesOf(
  db: DbOrTx,
  ownerId: string,
  purpose: FilePurpose,
  except?: string,
): Promise<string[]> {
  return deleteStoredFilesOf(db, ownerId, purpose, except);
}

/** Deletes objects no row points at any more (after the transaction that dropped the rows). */
export async function discardObjects(ctx: AppContext, keys: readonly string[]): Promise<void> {
  for (const key of keys) {
    await ctx.storage
      .delete(key)
      .catch((err: unknown) => ctx.logger.warn({ err, key }, "object not deleted"));
  }
}

/**
 * Copies files from before the storage (bytes in `stored_files.data`) into it, a batch at a time,
 * then drops the database copy. Safe to repeat: a file copied but not yet marked is copied again
 * under the same key. Answers how many moved.
 */
export async function moveFilesToStorage(ctx: AppContext, batch = 50): Promise<number> {
  let moved = 0;
  for (;;) {
    const rows = await listFilesToMove(ctx.db, batch);
    for (const row of rows) {
      const key = storageKeyFor(row.purpose, row.id, row.createdAt);
      await ctx.storage.put(key, Readable.from([row.data!]), { contentType: row.contentType });
      if (await markFileMoved(ctx.db, row.id, key)) moved += 1;
    }
    if (rows.length < batch) return moved;
  }
}

/** A stored file for its owner or staff (audited); anyone else is told it does not exist. */
export async function readStoredFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
  options: { dataExport?: boolean } = {},
): Promise<StoredFile> {
  const file = await findStoredFile(ctx.db, id);
  if (!file || (file.ownerId !== actor.id && !isStaffRole(actor.role))) throw notFound("File");
  // A data export expires: only its own route (which checks the expiry) serves it.
  if ((file.purpose === "data_export") !== (options.dataExport ?? false)) throw notFound("File");
  if (file.ownerId !== actor.id) {
    await writeAudit(ctx.db, {
      actorId: actor.id,
      action: "file.downloaded",
      entityType: "file",
      entityId: id,
      after: { ownerId: file.ownerId, purpose: file.purpose },
    });
  }
  return file;
}

/** A stored file's bytes as a stream: from the storage, or from the row for files not yet moved. */
export async function openStoredFile(ctx: AppContext, file: StoredFile): Promise<Readable> {
  if (file.storageKey) return ctx.storage.get(file.storageKey);
  if (file.data) return Readable.from([file.data]);
  throw notFound("File");
}

/** A short-lived link to a stored file (S3 presigned GET, or a signed API URL with the local driver). */
export async function signedFileUrl(
  ctx: AppContext,
  file: StoredFile,
  options: { expiresInSeconds: number; disposition: "inline" | "attachment"; fileName?: string },
): Promise<string> {
  if (!file.storageKey) throw notFound("File");
  return ctx.storage.signedUrl(file.storageKey, {
    expiresInSeconds: options.expiresInSeconds,
    disposition: options.disposition,
    fileName: options.fileName ?? file.fileName ?? "file",
    contentType: file.contentType,
  });
}

/** The user's stored files, for their data export. */
export function listFilesOf(db: DbOrTx, ownerId: string): Promise<StoredFile[]> {
  return listStoredFilesOf(db, ownerId);
}

export function findFile(db: DbOrTx, id: string): Promise<StoredFile | undefined> {
  return findStoredFile(db, id);
}

/**
 * Removes a file: its row, then its bytes. Call it after the transaction that stopped pointing at
 * the file has committed; a crash in between leaves only an unreferenced object behind.
 */
export async function removeStoredFile(ctx: AppContext, id: string): Promise<void> {
  const row = await deleteStoredFileRow(ctx.db, id);
  if (!row?.storageKey) return;
  const key = row.storageKey;
  await ctx.storage.delete(key).catch((err: unknown) => ctx.logger.warn({ err, key }, "object not deleted"));
}
