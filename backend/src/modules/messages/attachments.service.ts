import type { Readable } from "node:stream";
import {
  ATTACHMENT_LINK_SECONDS,
  type AttachmentLink,
  type MessageAttachment,
} from "@referral-app/shared/schemas/conversation";
import { DOCUMENT_CONTENT_TYPES } from "@referral-app/shared/schemas/document";
import type { AppContext } from "../../context.ts";
import type { Actor } from "../../lib/actor.ts";
import { notFound } from "../../lib/domain-error.ts";
import { isUuid } from "../../lib/ids.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { findFile, removeStoredFile, signedFileUrl, storeUpload } from "../files/files.service.ts";
import { findAttachment, insertPendingAttachment } from "./attachments.repository.ts";
import { openForWriting } from "./conversation-access.ts";
import { findParticipant } from "./conversations.repository.ts";

/** Before the bytes are read: only someone who may write here uploads to the conversation. */
export async function checkCanAttach(ctx: AppContext, actor: Actor, conversationId: string): Promise<string> {
  return ctx.db.transaction(
    async (tx) => (await openForWriting(ctx, actor, conversationId, tx)).conversation.id,
  );
}

/**
 * Keeps a file for a message about to be sent: typed by its bytes, size-limited while it streams and
 * scanned (CLAMD_URL) by the documents storage; pending until `sendMessage` names it.
 */
export async function uploadAttachment(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  file: { stream: Readable; fileName: string | null },
): Promise<MessageAttachment> {
  const stored = await storeUpload(ctx, file.stream, {
    ownerId: actor.id,
    purpose: "attachment",
    fileName: file.fileName,
    accept: DOCUMENT_CONTENT_TYPES,
    maxBytes: ctx.config.uploadMaxBytes,
    messages: { unsupported: "Attach a PDF or a photo (JPEG, PNG, HEIC or WebP)" },
  });
  try {
    await insertPendingAttachment(ctx.db, { fileId: stored.id, conversationId, uploadedBy: actor.id });
  } catch (error) {
    await removeStoredFile(ctx, stored.id);
    throw error;
  }
  return {
    id: stored.id,
    fileName: stored.fileName ?? "file",
    contentType: stored.contentType,
    size: stored.sizeBytes,
  };
}

/** A signed link for a participant (or the uploader of a file not yet sent); anyone else gets 404. */
export async function getAttachmentLink(
  ctx: AppContext,
  actor: Actor,
  fileId: string,
): Promise<AttachmentLink> {
  const attachment = isUuid(fileId) ? await findAttachment(ctx.db, fileId) : null;
  if (!attachment) throw notFound("Attachment");
  const pendingOfOther = attachment.messageId === null && attachment.uploadedBy !== actor.id;
  if (pendingOfOther || !(await findParticipant(ctx.db, attachment.conversationId, actor.id)))
    throw notFound("Attachment");
  const file = await findFile(ctx.db, fileId);
  if (!file) throw notFound("Attachment");
  const url = await signedFileUrl(ctx, file, {
    expiresInSeconds: ATTACHMENT_LINK_SECONDS,
    disposition: "attachment",
  });
  await writeAudit(ctx.db, {
    actorId: actor.id,
    action: "attachment.link_issued",
    entityType: "file",
    entityId: fileId,
    after: { conversationId: attachment.conversationId, messageId: attachment.messageId },
  });
  return { url, expiresAt: new Date(Date.now() + ATTACHMENT_LINK_SECONDS * 1000).toISOString() };
}
