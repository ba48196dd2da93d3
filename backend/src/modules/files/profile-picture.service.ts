import { createHash } from "node:crypto";
import { isStaffRole } from "@referral-app/shared/constants";
import { PROFILE_PICTURE_LIMITS, type ProfilePictureType } from "@referral-app/shared/schemas/user";
import type { AppContext } from "../../context.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import type { RequestUser } from "../../plugins/authenticate.ts";
import { findUserRow, updateUser } from "../users/users.repository.ts";
import {
  deleteStoredFilesOf,
  findStoredFile,
  insertStoredFile,
  type StoredFile,
} from "./files.repository.ts";

export const PICTURE_TOO_LARGE = "The picture is larger than 2 MB";

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

const fileError = (
  code: "VALIDATION_ERROR" | "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE",
  message: string,
) => new DomainError(code, message, { fields: { file: [message] } });

/**
 * Replaces the user's profile picture: the new file, the removal of the old one and the profile's
 * pointer commit together, so a failure leaves the previous picture in place.
 */
export async function setProfilePicture(ctx: AppContext, userId: string, content: Buffer): Promise<void> {
  if (content.length === 0) throw fileError("VALIDATION_ERROR", "The file is empty");
  if (content.length > PROFILE_PICTURE_LIMITS.maxBytes) {
    throw fileError("PAYLOAD_TOO_LARGE", PICTURE_TOO_LARGE);
  }
  const contentType = detectImageType(content);
  if (!contentType) throw fileError("UNSUPPORTED_MEDIA_TYPE", "Upload a PNG, JPEG or WebP image");
  await ctx.db.transaction(async (tx) => {
    if (!(await findUserRow(tx, userId))) throw notFound("User");
    await deleteStoredFilesOf(tx, userId, "profile_picture");
    const file = await insertStoredFile(tx, {
      ownerId: userId,
      purpose: "profile_picture",
      contentType,
      sizeBytes: content.length,
      sha256: createHash("sha256").update(content).digest("hex"),
      data: content,
    });
    await updateUser(tx, userId, { image: filePath(file.id) });
  });
}

export async function removeProfilePicture(ctx: AppContext, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await findUserRow(tx, userId))) throw notFound("User");
    await deleteStoredFilesOf(tx, userId, "profile_picture");
    await updateUser(tx, userId, { image: null });
  });
}

/** A stored file for its owner or staff; anyone else is told it does not exist. */
export async function readStoredFile(ctx: AppContext, actor: RequestUser, id: string): Promise<StoredFile> {
  const file = await findStoredFile(ctx.db, id);
  if (!file || (file.ownerId !== actor.id && !isStaffRole(actor.role))) throw notFound("File");
  return file;
}
