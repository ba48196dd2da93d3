import type { CursorPage } from "@referral-app/shared/schemas/admin";
import {
  type AdminUpdateConversationData,
  type AttachmentLink,
  attachmentLinkSchema,
  type CaseConversation,
  type Conversation,
  type ConversationListQuery,
  type ConversationReadResult,
  type ConversationSummary,
  type CreateConversationData,
  type CreateSavedReplyData,
  caseConversationSchema,
  conversationReadResultSchema,
  conversationSchema,
  conversationSummarySchema,
  type InboxItem,
  type InboxQuery,
  inboxItemSchema,
  type Message,
  type MessageAttachment,
  type MessageListQuery,
  type MessageSearchResult,
  messageAttachmentSchema,
  messageSchema,
  messageSearchResultSchema,
  messagesUnreadCountSchema,
  type SavedReply,
  type SendMessageData,
  savedReplySchema,
  type UpdateSavedReplyData,
} from "@referral-app/shared/schemas/conversation";
import { z } from "zod";
import { createIdempotencyKey } from "../idempotency-key.ts";
import { BaseService, pathId } from "./base-service.ts";

const cursorPage = <T extends z.ZodType>(item: T) =>
  z.object({ status: z.literal("success"), data: z.array(item), nextCursor: z.string().nullable() });

/** Conversations, messages, attachments, search and (for staff) the support inbox. */
export class MessageService extends BaseService {
  listConversations(
    query: ConversationListQuery = {},
    signal?: AbortSignal,
  ): Promise<CursorPage<ConversationSummary>> {
    return this.client.request("GET", "conversations", cursorPage(conversationSummarySchema), {
      searchParams: { cursor: query.cursor, limit: query.limit },
      signal,
    });
  }

  createConversation(data: CreateConversationData): Promise<Conversation> {
    return this.post("conversations", conversationSchema, data);
  }

  getConversation(id: string, signal?: AbortSignal, reason?: string): Promise<Conversation> {
    return this.get(`conversations/${pathId(id)}`, conversationSchema, { searchParams: { reason }, signal });
  }

  async unreadTotal(signal?: AbortSignal): Promise<number> {
    return (await this.get("conversations/unread-count", messagesUnreadCountSchema, { signal })).count;
  }

  listMessages(id: string, query: MessageListQuery = {}, signal?: AbortSignal): Promise<CursorPage<Message>> {
    return this.client.request("GET", `conversations/${pathId(id)}/messages`, cursorPage(messageSchema), {
      searchParams: { cursor: query.cursor, limit: query.limit, reason: query.reason },
      signal,
    });
  }

  /** One key per logical send: a retry over a flaky connection never doubles the message. */
  sendMessage(id: string, data: SendMessageData, idempotencyKey = createIdempotencyKey()): Promise<Message> {
    return this.post(`conversations/${pathId(id)}/messages`, messageSchema, data, { idempotencyKey });
  }

  editMessage(id: string, body: string): Promise<Message> {
    return this.patch(`messages/${pathId(id)}`, messageSchema, { body });
  }

  deleteMessage(id: string): Promise<Message> {
    return this.delete(`messages/${pathId(id)}`, messageSchema);
  }

  markRead(id: string, upToMessageId: string): Promise<ConversationReadResult> {
    return this.post(`conversations/${pathId(id)}/read`, conversationReadResultSchema, { upToMessageId });
  }

  /** A file (a browser File, or React Native's `{ uri, name, type }`) for the next message here. */
  uploadAttachment(conversationId: string, file: Blob, fileName?: string): Promise<MessageAttachment> {
    const form = new FormData();
    if (fileName) form.append("file", file, fileName);
    else form.append("file", file);
    return this.client
      .request(
        "POST",
        `conversations/${pathId(conversationId)}/attachments`,
        z.object({ data: messageAttachmentSchema }),
        {
          body: form,
        },
      )
      .then((response) => response.data);
  }

  attachmentLink(fileId: string): Promise<AttachmentLink> {
    return this.get(`attachments/${pathId(fileId)}/link`, attachmentLinkSchema);
  }

  search(q: string, signal?: AbortSignal): Promise<MessageSearchResult[]> {
    return this.get("messages/search", z.array(messageSearchResultSchema), { searchParams: { q }, signal });
  }

  caseConversation(caseId: string, signal?: AbortSignal): Promise<CaseConversation | null> {
    return this.get(`cases/${pathId(caseId)}/conversation`, caseConversationSchema.nullable(), { signal });
  }

  joinConversation(id: string): Promise<Conversation> {
    return this.post(`conversations/${pathId(id)}/join`, conversationSchema);
  }

  inbox(query: InboxQuery = {}, signal?: AbortSignal): Promise<CursorPage<InboxItem>> {
    return this.client.request("GET", "admin/inbox", cursorPage(inboxItemSchema), {
      searchParams: {
        state: query.state,
        assignee: query.assignee,
        overdue: query.overdue,
        cursor: query.cursor,
        limit: query.limit,
      },
      signal,
    });
  }

  updateSupportConversation(id: string, data: AdminUpdateConversationData): Promise<InboxItem> {
    return this.patch(`admin/conversations/${pathId(id)}`, inboxItemSchema, data);
  }

  savedReplies(signal?: AbortSignal): Promise<SavedReply[]> {
    return this.get("admin/saved-replies", z.array(savedReplySchema), { signal });
  }

  createSavedReply(data: CreateSavedReplyData): Promise<SavedReply> {
    return this.post("admin/saved-replies", savedReplySchema, data);
  }

  updateSavedReply(id: string, data: UpdateSavedReplyData): Promise<SavedReply> {
    return this.patch(`admin/saved-replies/${pathId(id)}`, savedReplySchema, data);
  }

  async deleteSavedReply(id: string): Promise<void> {
    await this.delete(`admin/saved-replies/${pathId(id)}`, z.null());
  }
}
