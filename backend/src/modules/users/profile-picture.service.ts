import { Readable } from "node:stream";
import { PROFILE_PICTURE_LIMITS } from "@referral-app/shared/schemas/user";
import type { AppContext } from "../../context.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import {
  deleteFilesOf,
  detectImageType,
  discardObjects,
  filePath,
  removeStoredFile,
  storeUpload,
} from "../files/files.service.ts";
import { findUserRow, updateUser } from "./users.repository.ts";

export const PICTURE_TOO_LARGE = "The picture is larger than 2 MB";

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
  const stored = await storeUpload(ctx, Readable.from([content]), {
    ownerId: userId,
    purpose: "profile_picture",
    fileName: null,
    accept: [contentType],
    maxBytes: PROFILE_PICTURE_LIMITS.maxBytes,
  });
  let replaced: string[] = [];
  try {
    await ctx.db.transaction(async (tx) => {
      if (!(await findUserRow(tx, userId))) throw notFound("User");
      replaced = await deleteFilesOf(tx, userId, "profile_picture", stored.id);
      await updateUser(tx, userId, { image: filePath(stored.id) });
    });
  } catch (error) {
    await removeStoredFile(ctx, stored.id);
    throw error;
  }
  await discardObjects(ctx, replaced);
}

export async function removeProfilePicture(ctx: AppContext, userId: string): Promise<void> {
  const removed = await ctx.db.transaction(async (tx) => {
    if (!(await findUserRow(tx, userId))) throw notFound("User");
    const keys = await deleteFilesOf(tx, userId, "profile_picture");
    await updateUser(tx, userId, { image: null });
    return keys;
  });
  await discardObjects(ctx, removed);
}
