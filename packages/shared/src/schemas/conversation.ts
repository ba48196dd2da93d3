import { z } from "zod";
import { USER_ROLES } from "../constants.ts";
import { idSchema, isoDateTimeSchema, uuidSchema } from "./common.ts";

// ---- Conversations --------------------------------------------------------------------------------

export const CONVERSATION_TYPES = ["consultation", "support", "group"] as const;
export type ConversationType = (typeof CONVERSATION_TYPES)[number];
export const conversationTypeSchema = z.enum(CONVERSATION_TYPES);

/** The staff inbox's states; consultations and groups stay `open`. */
export const CONVERSATION_STATES = ["open", "waiting_on_client", "closed"] as const;
export type ConversationState = (typeof CONVERSATION_STATES)[number];
export const conversationStateSchema = z.enum(CONVERSATION_STATES);

export const MESSAGE_MAX_LENGTH = 5_000;
/** A message may be edited for this long after it was sent. */
export const MESSAGE_EDIT_WINDOW_MS = 10 * 60 * 1000;
/** Unread this long, a participant gets an e-mail digest of the conversation. */
export const UNREAD_DIGEST_AFTER_MS = 15 * 60 * 1000;
export const MESSAGE_ATTACHMENTS_MAX = 10;

export const participantSchema = z
  .object({
    userId: idSchema,
    name: z.string(),
    role: z.enum(USER_ROLES),
    canWrite: z.boolean(),
    /** The newest message this participant has read (their read receipt), null before any. */
    lastReadMessageId: uuidSchema.nullable(),
    lastReadAt: isoDateTimeSchema.nullable(),
  })
  .meta({ id: "ConversationParticipant" });
export type Participant = z.infer<typeof participantSchema>;

export const messageAttachmentSchema = z
  .object({
    id: uuidSchema,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int().min(0),
  })
  .meta({ id: "MessageAttachment" });
export type MessageAttachment = z.infer<typeof messageAttachmentSchema>;

export const messageSchema = z
  .object({
    id: uuidSchema,
    conversationId: uuidSchema,
    senderId: idSchema.nullable(),
    senderName: z.string(),
    senderRole: z.enum(USER_ROLES).nullable(),
    /** Plain text; empty once deleted (the app shows "message deleted"). */
    body: z.string(),
    attachments: z.array(messageAttachmentSchema),
    editedAt: isoDateTimeSchema.nullable(),
    deletedAt: isoDateTimeSchema.nullable(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "Message" });
export type Message = z.infer<typeof messageSchema>;

export const conversationSummarySchema = z
  .object({
    id: uuidSchema,
    type: conversationTypeSchema,
    caseId: uuidSchema.nullable(),
    caseNumber: z.string().nullable(),
    subject: z.string().nullable(),
    state: conversationStateSchema,
    lastMessage: messageSchema.nullable(),
    /** Messages from others after my read receipt. */
    unreadCount: z.number().int().min(0),
    lastActivityAt: isoDateTimeSchema,
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "ConversationSummary" });
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export const conversationSchema = conversationSummarySchema
  .extend({
    participants: z.array(participantSchema),
    /** Whether the caller may post here (a participant with write access, conversation not closed). */
    canWrite: z.boolean(),
  })
  .meta({ id: "Conversation" });
export type Conversation = z.infer<typeof conversationSchema>;

const subjectSchema = z.string().trim().min(1).max(200);

export const createConversationSchema = z
  .strictObject({
    type: conversationTypeSchema,
    caseId: uuidSchema.optional(),
    subject: subjectSchema.optional(),
    /** Staff only: the people to add beside the caller (clients, staff, partner members). */
    participantIds: z.array(idSchema).max(50).optional(),
  })
  .superRefine((value, issue) => {
    if (value.type === "consultation" && !value.caseId)
      issue.addIssue({ code: "custom", path: ["caseId"], message: "A consultation belongs to a case" });
    if (value.type !== "consultation" && value.caseId)
      issue.addIssue({ code: "custom", path: ["caseId"], message: "Only a consultation belongs to a case" });
  })
  .meta({ id: "CreateConversationData" });
export type CreateConversationData = z.infer<typeof createConversationSchema>;

const limitSchema = z.coerce.number().int().min(1).max(100).default(20);

export const conversationListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: limitSchema,
});
export type ConversationListQuery = Partial<z.output<typeof conversationListQuerySchema>>;

/** An admin opening a conversation they are not in says why (audited). */
export const conversationReadQuerySchema = z.object({
  reason: z.string().trim().min(3).max(500).optional(),
});

export const messageListQuerySchema = conversationReadQuerySchema.extend({
  /** From a previous page's `nextCursor`: the messages before it. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type MessageListQuery = Partial<z.output<typeof messageListQuerySchema>>;

// Control characters other than tab and newline never belong in a plain-text message.
// biome-ignore lint/suspicious/noControlCharactersInRegex: that is exactly what it removes
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

const bodySchema = z
  .string()
  .max(MESSAGE_MAX_LENGTH, `At most ${MESSAGE_MAX_LENGTH} characters`)
  .transform((text) => text.replace(CONTROL, "").trim());

export const sendMessageSchema = z
  .strictObject({
    body: bodySchema,
    attachmentIds: z.array(uuidSchema).max(MESSAGE_ATTACHMENTS_MAX).optional(),
  })
  .superRefine((value, issue) => {
    if (value.body.length === 0 && (value.attachmentIds ?? []).length === 0)
      issue.addIssue({ code: "custom", path: ["body"], message: "Write a message or attach a file" });
  })
  .meta({ id: "SendMessageData" });
export type SendMessageData = z.input<typeof sendMessageSchema>;

export const updateMessageSchema = z
  .strictObject({ body: bodySchema.refine((text) => text.length > 0, "Write a message") })
  .meta({ id: "UpdateMessageData" });
export type UpdateMessageData = z.input<typeof updateMessageSchema>;

export const markConversationReadSchema = z
  .strictObject({ upToMessageId: uuidSchema })
  .meta({ id: "MarkConversationReadData" });
export type MarkConversationReadData = z.infer<typeof markConversationReadSchema>;

export const conversationReadResultSchema = z
  .object({
    conversationId: uuidSchema,
    lastReadMessageId: uuidSchema,
    unreadCount: z.number().int().min(0),
    totalUnread: z.number().int().min(0),
  })
  .meta({ id: "ConversationReadResult" });
export type ConversationReadResult = z.infer<typeof conversationReadResultSchema>;

export const messagesUnreadCountSchema = z
  .object({ count: z.number().int().min(0) })
  .meta({ id: "MessagesUnreadCount" });
export type MessagesUnreadCount = z.infer<typeof messagesUnreadCountSchema>;

// ---- Search ---------------------------------------------------------------------------------------

export const messageSearchQuerySchema = z.object({
  q: z.string().trim().min(2).max(200),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type MessageSearchQuery = Partial<z.output<typeof messageSearchQuerySchema>> & { q: string };

/** A highlighted excerpt as pieces, so no app ever renders server-made HTML. */
export const highlightSegmentSchema = z.object({ text: z.string(), match: z.boolean() });
export type HighlightSegment = z.infer<typeof highlightSegmentSchema>;

export const messageSearchResultSchema = z
  .object({
    message: messageSchema,
    conversationType: conversationTypeSchema,
    conversationSubject: z.string().nullable(),
    caseNumber: z.string().nullable(),
    excerpt: z.array(highlightSegmentSchema),
    rank: z.number(),
  })
  .meta({ id: "MessageSearchResult" });
export type MessageSearchResult = z.infer<typeof messageSearchResultSchema>;

// ---- Live events (on /api/notifications/stream) ---------------------------------------------------

export const messageLiveEventSchema = z.object({
  conversationId: uuidSchema,
  /** Null when the message was too large for the live channel: fetch the thread. */
  message: messageSchema.nullable(),
  messageId: uuidSchema,
});
export type MessageLiveEvent = z.infer<typeof messageLiveEventSchema>;

export const conversationReadEventSchema = z.object({
  conversationId: uuidSchema,
  userId: idSchema,
  lastReadMessageId: uuidSchema,
  readAt: isoDateTimeSchema,
});
export type ConversationReadEvent = z.infer<typeof conversationReadEventSchema>;

export type ConversationLiveEvent =
  | { type: "message.created"; data: MessageLiveEvent }
  | { type: "message.updated"; data: MessageLiveEvent }
  | { type: "conversation.read"; data: ConversationReadEvent };

// ---- Staff inbox ----------------------------------------------------------------------------------

const booleanQuery = z
  .enum(["true", "false", "1", "0"])
  .transform((value) => value === "true" || value === "1");

export const inboxQuerySchema = z.object({
  state: conversationStateSchema.optional(),
  /** `me`, `unassigned` or a staff member's id. */
  assignee: z.union([z.literal("me"), z.literal("unassigned"), idSchema]).optional(),
  overdue: booleanQuery.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export type InboxQuery = Partial<z.output<typeof inboxQuerySchema>>;

const personSchema = z.object({ id: idSchema, name: z.string(), email: z.string() });

export const inboxItemSchema = z
  .object({
    id: uuidSchema,
    subject: z.string().nullable(),
    state: conversationStateSchema,
    client: personSchema.nullable(),
    assignee: personSchema.nullable(),
    /** Whether the caller is a participant (may open the thread without taking it). */
    isParticipant: z.boolean(),
    messageCount: z.number().int().min(0),
    lastActivityAt: isoDateTimeSchema,
    firstResponseDueAt: isoDateTimeSchema,
    firstRespondedAt: isoDateTimeSchema.nullable(),
    /** No staff answer yet and the first-response target has passed. */
    overdue: z.boolean(),
    createdAt: isoDateTimeSchema,
  })
  .meta({ id: "InboxItem" });
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const adminUpdateConversationSchema = z
  .strictObject({
    /** `null` unassigns; the assignee joins the conversation. */
    assigneeId: idSchema.nullable().optional(),
    state: conversationStateSchema.optional(),
  })
  .refine((value) => value.assigneeId !== undefined || value.state !== undefined, {
    message: "Give an assignee or a state",
  })
  .meta({ id: "AdminUpdateConversationData" });
export type AdminUpdateConversationData = z.infer<typeof adminUpdateConversationSchema>;

export const savedReplySchema = z
  .object({
    id: uuidSchema,
    title: z.string(),
    body: z.string(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .meta({ id: "SavedReply" });
export type SavedReply = z.infer<typeof savedReplySchema>;

export const createSavedReplySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(120),
    body: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH),
  })
  .meta({ id: "CreateSavedReplyData" });
export type CreateSavedReplyData = z.infer<typeof createSavedReplySchema>;

/** `PATCH /api/admin/saved-replies/:id`: a new title, body or both. */
export const updateSavedReplySchema = z
  .strictObject({
    title: z.string().trim().min(1).max(120).optional(),
    body: z.string().trim().min(1).max(MESSAGE_MAX_LENGTH).optional(),
  })
  .refine((value) => value.title !== undefined || value.body !== undefined, {
    message: "Give a title or a body",
  })
  .meta({ id: "UpdateSavedReplyData" });
export type UpdateSavedReplyData = z.infer<typeof updateSavedReplySchema>;

/** A case's consultation thread as the case page sees it. */
export const caseConversationSchema = z
  .object({
    id: uuidSchema,
    isParticipant: z.boolean(),
    unreadCount: z.number().int().min(0),
    messageCount: z.number().int().min(0),
    lastActivityAt: isoDateTimeSchema,
  })
  .meta({ id: "CaseConversation" });
export type CaseConversation = z.infer<typeof caseConversationSchema>;

/** A short-lived signed link to an attachment (every link handed out is audited). */
export const attachmentLinkSchema = z
  .object({ url: z.string(), expiresAt: isoDateTimeSchema })
  .meta({ id: "AttachmentLink" });
export type AttachmentLink = z.infer<typeof attachmentLinkSchema>;

/** How long an attachment link works. */
export const ATTACHMENT_LINK_SECONDS = 5 * 60;
