import { createHash } from "node:crypto";
import { isStaffRole } from "@referral-app/shared/constants";
import type { ProfilePictureType } from "@referral-app/shared/schemas/user";
import type { AppContext } from "../../context.ts";
import type { DbOrTx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { writeAudit } from "../audit/audit.service.ts";
import {
  deleteStoredFile,
  deleteStoredFilesOf,
  type FilePurpose,
  findStoredFile,
  insertStoredFile,
  listStoredFilesOf,
  type StoredFile,
} from "./files.repository.ts";

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

/** Keeps a user's file for one purpose; pass the transaction that points at it. Answers its public path. */
export async function storeFile(
  db: DbOrTx,
  file: { ownerId: string; purpose: FilePurpose; contentType: string; content: Buffer },
): Promise<string> {
  const stored = await insertStoredFile(db, {
    ownerId: file.ownerId,
    purpose: file.purpose,
    contentType: file.contentType,
    sizeBytes: file.content.length,
    sha256: createHash("sha256").update(file.content).digest("hex"),
    data: file.content,
  });
  return filePath(stored.id);
}

/** The user's stored files (metadata and bytes), for their data export. */
export function listFilesOf(db: DbOrTx, ownerId: string): Promise<StoredFile[]> {
  return listStoredFilesOf(db, ownerId);
}

export function deleteFileById(db: DbOrTx, id: string): Promise<void> {
  return deleteStoredFile(db, id);
}

/** Removes a user's files kept for one purpose (the previous profile picture). */
export function deleteFilesOf(db: DbOrTx, ownerId: string, purpose: FilePurpose): Promise<void> {
  return deleteStoredFilesOf(db, ownerId, purpose);
}

/** A stored file for its owner or staff (audited); anyone else is told it does not exist. */
export async function readStoredFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
  purpose: FilePurpose = "profile_picture",
): Promise<StoredFile> {
  const file = await findStoredFile(ctx.db, id);
  // Each purpose has its own route and rules (a data export expires): another route's id is unknown here.
  if (!file || file.purpose !== purpose) throw notFound("File");
  if (file.ownerId !== actor.id && !isStaffRole(actor.role)) throw notFound("File");
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
