import type { MessageAttachment } from "@referral-app/shared/schemas/conversation";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { messageAttachments, storedFiles } from "../../db/schema/index.ts";

export async function insertPendingAttachment(
  db: DbOrTx,
  values: { fileId: string; conversationId: string; uploadedBy: string },
): Promise<void> {
  await db.insert(messageAttachments).values(values);
}

/**
 * Ties the uploader's pending files in this conversation to their message, in the given order.
 * Answers how many it tied: fewer than asked means some were not theirs, not here, or already sent.
 */
export async function attachToMessage(
  db: DbOrTx,
  input: { fileIds: readonly string[]; conversationId: string; uploadedBy: string; messageId: string },
): Promise<number> {
  let tied = 0;
  for (const [position, fileId] of input.fileIds.entries()) {
    const rows = await db
      .update(messageAttachments)
      .set({ messageId: input.messageId, position })
      .where(
        and(
          eq(messageAttachments.fileId, fileId),
          eq(messageAttachments.conversationId, input.conversationId),
          eq(messageAttachments.uploadedBy, input.uploadedBy),
          isNull(messageAttachments.messageId),
        ),
      )
      .returning({ fileId: messageAttachments.fileId });
    tied += rows.length;
  }
  return tied;
}

/** Each message's attachments, in the order they were sent. */
export async function attachmentsOf(
  db: DbOrTx,
  messageIds: readonly string[],
): Promise<Map<string, MessageAttachment[]>> {
  const byMessage = new Map<string, MessageAttachment[]>();
  if (messageIds.length === 0) return byMessage;
  const rows = await db
    .select({
      messageId: messageAttachments.messageId,
      id: storedFiles.id,
      fileName: storedFiles.fileName,
      contentType: storedFiles.contentType,
      size: storedFiles.sizeBytes,
    })
    .from(messageAttachments)
    .innerJoin(storedFiles, eq(storedFiles.id, messageAttachments.fileId))
    .where(inArray(messageAttachments.messageId, [...messageIds]))
    .orderBy(messageAttachments.position);
  for (const { messageId, ...file } of rows) {
    const list = byMessage.get(messageId!) ?? [];
    list.push({ ...file, fileName: file.fileName ?? "file" });
    byMessage.set(messageId!, list);
  }
  return byMessage;
}

/** The attachment with its conversation and whether it was sent (pending ones are their uploader's). */
export async function findAttachment(db: DbOrTx, fileId: string) {
  const [row] = await db.select().from(messageAttachments).where(eq(messageAttachments.fileId, fileId));
  return row ?? null;
}
