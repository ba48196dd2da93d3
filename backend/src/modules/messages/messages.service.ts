import { isStaffRole } from "@referral-app/shared/constants";
import {
  type ConversationLiveEvent,
  type ConversationReadResult,
  MESSAGE_EDIT_WINDOW_MS,
  type Message,
  type MessageListQuery,
  type MessageSearchResult,
  type sendMessageSchema,
  type updateMessageSchema,
} from "@referral-app/shared/schemas/conversation";
import type { z } from "zod";
import type { AppContext } from "../../context.ts";
import type { Tx } from "../../db/client.ts";
import type { Actor } from "../../lib/actor.ts";
import { decodeCursor } from "../../lib/cursor.ts";
import { DomainError, notFound } from "../../lib/domain-error.ts";
import { type IdempotentResult, runIdempotent } from "../../lib/idempotency.ts";
import { writeAudit } from "../audit/audit.service.ts";
import { getCasePeople } from "../cases/cases.service.ts";
import { attachToMessage } from "./attachments.repository.ts";
import { openConversation, openForWriting } from "./conversation-access.ts";
import {
  addParticipants,
  type ConversationRow,
  countUnreadIn,
  countUnreadTotal,
  findParticipant,
  listRecipients,
  updateConversationRow,
} from "./conversations.repository.ts";
import { queueMessagePushes } from "./message-notifications.ts";
import {
  advanceReadReceipt,
  findMessage,
  findMessageRow,
  insertMessage,
  listMessages,
  searchMessages,
  updateMessageRow,
} from "./messages.repository.ts";

export { conversationsForExport } from "./message-export.ts";
export { sendUnreadDigests } from "./message-notifications.ts";

type SendInput = z.output<typeof sendMessageSchema>;
type UpdateInput = z.output<typeof updateMessageSchema>;

/** Tells every participant's open apps, on every instance. A lost live event is caught up on fetch. */
async function publish(ctx: AppContext, conversationId: string, event: ConversationLiveEvent) {
  try {
    const recipients = await listRecipients(ctx.db, conversationId);
    await ctx.live.publishConversation(
      recipients.map((recipient) => recipient.userId),
      event,
    );
  } catch (error) {
    ctx.logger.warn({ err: error, conversationId }, "live conversation publish failed");
  }
}

export async function getMessages(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  query: MessageListQuery,
): Promise<{ items: Message[]; nextCursor: string | null }> {
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  const { conversation } = await openConversation(ctx, actor, conversationId, { reason: query.reason });
  return listMessages(ctx.db, conversation.id, { cursor, limit: query.limit ?? 50 });
}

/** The support state after a message: staff answering waits on the client, a client reply reopens. */
function supportChanges(actor: Actor, conversation: ConversationRow, now: Date): Partial<ConversationRow> {
  if (conversation.type !== "support") return {};
  if (isStaffRole(actor.role))
    return {
      state: conversation.state === "closed" ? "closed" : "waiting_on_client",
      firstRespondedAt: conversation.firstRespondedAt ?? now,
    };
  return { state: "open" };
}

/**
 * Posts a message. With an Idempotency-Key the claim, the message, the conversation's new state and
 * the queued pushes commit together, so retries (even 20 at once) answer the first message.
 */
export async function sendMessage(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  input: SendInput,
  idempotencyKey: string | undefined,
): Promise<IdempotentResult<Message>> {
  const result = await runIdempotent<Message>(
    ctx.db,
    { userId: actor.id, scope: `messages.send:${conversationId}`, key: idempotencyKey, body: input },
    async (tx) => ({ statusCode: 201, body: await postInTransaction(ctx, tx, actor, conversationId, input) }),
  );
  if (!result.replayed)
    await publish(ctx, result.body.conversationId, {
      type: "message.created",
      data: { conversationId: result.body.conversationId, messageId: result.body.id, message: result.body },
    });
  return result;
}

async function postInTransaction(
  ctx: AppContext,
  tx: Tx,
  actor: Actor,
  conversationId: string,
  input: SendInput,
): Promise<Message> {
  const { conversation } = await openForWriting(ctx, actor, conversationId, tx);
  const row = await insertMessage(tx, {
    conversationId: conversation.id,
    senderId: actor.id,
    body: input.body,
  });
  const fileIds = [...new Set(input.attachmentIds ?? [])];
  if (fileIds.length > 0) {
    const tied = await attachToMessage(tx, {
      fileIds,
      conversationId: conversation.id,
      uploadedBy: actor.id,
      messageId: row.id,
    });
    // Someone else's upload, one for another conversation, or one already sent: as if it did not exist.
    if (tied !== fileIds.length) throw notFound("Attachment");
  }
  // The sender has read what they sent.
  await advanceReadReceipt(tx, { conversationId: conversation.id, userId: actor.id }, row.id);
  if (conversation.type === "consultation" && conversation.caseId) {
    // Applicants given an account and a new consultant since the thread opened join it now.
    const people = await getCasePeople(tx, conversation.caseId);
    if (people)
      await addParticipants(tx, conversation.id, [
        ...people.audience,
        ...(people.consultantId ? [people.consultantId] : []),
      ]);
  }
  const message = await findMessage(tx, row.id);
  await queueMessagePushes(ctx, tx, conversation, message!);
  // Last: the conversation row's lock is held only until the commit just after, so concurrent sends
  // to one conversation queue behind each other for as short a time as possible.
  await updateConversationRow(tx, conversation.id, {
    lastActivityAt: row.createdAt,
    ...supportChanges(actor, conversation, row.createdAt),
  });
  return message!;
}

async function ownMessage(tx: Tx, actor: Actor, messageId: string) {
  const row = await findMessageRow(tx, messageId, { forUpdate: true });
  // Someone else's message, or one in a conversation the caller has left, is not theirs to change.
  if (!row || row.senderId !== actor.id || !(await findParticipant(tx, row.conversationId, actor.id)))
    throw notFound("Message");
  if (row.deletedAt) throw new DomainError("CONFLICT", "This message was deleted");
  return row;
}

/** Edits within 10 minutes of sending; the text before is kept in the audit log for staff. */
export async function editMessage(
  ctx: AppContext,
  actor: Actor,
  messageId: string,
  input: UpdateInput,
  now = new Date(),
): Promise<Message> {
  const message = await ctx.db.transaction(async (tx) => {
    const row = await ownMessage(tx, actor, messageId);
    if (now.getTime() - row.createdAt.getTime() > MESSAGE_EDIT_WINDOW_MS)
      throw new DomainError(
        "MESSAGE_EDIT_WINDOW_CLOSED",
        "Messages can be edited for 10 minutes after sending",
      );
    if (row.body !== input.body) {
      await updateMessageRow(tx, row.id, { body: input.body, editedAt: now });
      await writeAudit(tx, {
        actorId: actor.id,
        action: "message.edited",
        entityType: "message",
        entityId: row.id,
        before: { conversationId: row.conversationId, body: row.body },
        after: { body: input.body },
      });
    }
    return (await findMessage(tx, row.id))!;
  });
  await publish(ctx, message.conversationId, {
    type: "message.updated",
    data: { conversationId: message.conversationId, messageId: message.id, message },
  });
  return message;
}

/** Deletes: the thread shows "message deleted"; the text is kept in the audit log for staff. */
export async function deleteMessage(ctx: AppContext, actor: Actor, messageId: string): Promise<Message> {
  const message = await ctx.db.transaction(async (tx) => {
    const row = await ownMessage(tx, actor, messageId);
    const now = new Date();
    // The text leaves the row (and the search index) and lives on only in the audit copy.
    await updateMessageRow(tx, row.id, { body: "", deletedAt: now });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "message.deleted",
      entityType: "message",
      entityId: row.id,
      before: { conversationId: row.conversationId, body: row.body },
      after: { deletedAt: now.toISOString() },
    });
    return (await findMessage(tx, row.id))!;
  });
  await publish(ctx, message.conversationId, {
    type: "message.updated",
    data: { conversationId: message.conversationId, messageId: message.id, message },
  });
  return message;
}

/** Moves the caller's read receipt to `upToMessageId` (never back) and answers their unread counts. */
export async function markConversationRead(
  ctx: AppContext,
  actor: Actor,
  conversationId: string,
  upToMessageId: string,
): Promise<ConversationReadResult> {
  const { conversation, participant } = await openConversation(ctx, actor, conversationId);
  const message = await findMessageRow(ctx.db, upToMessageId);
  if (!participant || !message || message.conversationId !== conversation.id) throw notFound("Message");
  const moved = await advanceReadReceipt(
    ctx.db,
    { conversationId: conversation.id, userId: actor.id },
    message.id,
  );
  if (moved)
    await publish(ctx, conversation.id, {
      type: "conversation.read",
      data: {
        conversationId: conversation.id,
        userId: actor.id,
        lastReadMessageId: message.id,
        readAt: new Date().toISOString(),
      },
    });
  const after = await findParticipant(ctx.db, conversation.id, actor.id);
  const [unreadCount, totalUnread] = await Promise.all([
    countUnreadIn(ctx.db, conversation.id, actor.id),
    countUnreadTotal(ctx.db, actor.id),
  ]);
  return {
    conversationId: conversation.id,
    lastReadMessageId: after?.lastReadMessageId ?? message.id,
    unreadCount,
    totalUnread,
  };
}

export function getUnreadTotal(ctx: AppContext, actor: Actor): Promise<number> {
  return countUnreadTotal(ctx.db, actor.id);
}

export function searchMyMessages(
  ctx: AppContext,
  actor: Actor,
  query: { q: string; limit: number },
): Promise<MessageSearchResult[]> {
  return searchMessages(ctx.db, actor.id, query.q, query.limit);
}
