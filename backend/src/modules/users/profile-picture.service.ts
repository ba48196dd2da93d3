import { PROFILE_PICTURE_LIMITS } from "@referral-app/shared/schemas/user";
import type { AppContext } from "../../context.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { deleteFilesOf, detectImageType, storeFile } from "../files/files.service.ts";
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
  await ctx.db.transaction(async (tx) => {
    if (!(await findUserRow(tx, userId))) throw notFound("User");
    await deleteFilesOf(tx, userId, "profile_picture");
    const path = await storeFile(tx, { ownerId: userId, purpose: "profile_picture", contentType, content });
    await updateUser(tx, userId, { image: path });
  });
}

export async function removeProfilePicture(ctx: AppContext, userId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    if (!(await findUserRow(tx, userId))) throw notFound("User");
    await deleteFilesOf(tx, userId, "profile_picture");
    await updateUser(tx, userId, { image: null });
  });
}
