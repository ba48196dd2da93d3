import type { ConversationState, ConversationType } from "@referral-app/shared/schemas/conversation";
import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./auth.ts";
import { cases } from "./cases.ts";
import { storedFiles } from "./files.ts";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** A thread: a case's consultation, a client's support question, or a group. */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    type: text("type").$type<ConversationType>().notNull(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    subject: text("subject"),
    state: text("state").$type<ConversationState>().notNull().default("open"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Support: the staff member handling it. */
    assigneeId: text("assignee_id").references(() => users.id, { onDelete: "set null" }),
    /** Support: when staff should have answered (the admin-set business hours after opening). */
    firstResponseDueAt: timestamp("first_response_due_at", { withTimezone: true }),
    firstRespondedAt: timestamp("first_responded_at", { withTimezone: true }),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One consultation per case: "Message your consultant" opens the same thread every time.
    uniqueIndex("conversations_case_consultation_unique").on(t.caseId).where(sql`${t.type} = 'consultation'`),
    // The staff inbox pages support conversations by last activity.
    index("conversations_support_activity_idx")
      .on(t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.type} = 'support'`),
  ],
);

/** Who is in a conversation (only they read it), whether they write, and their read receipt. */
export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    canWrite: boolean("can_write").notNull().default(true),
    lastReadMessageId: uuid("last_read_message_id"),
    /** The read message's created_at: messages after it are unread. */
    lastReadAt: timestamp("last_read_at", { withTimezone: true }),
    /** The newest message an unread digest covered, so each unread stretch gets one e-mail. */
    digestedUpTo: timestamp("digested_up_to", { withTimezone: true }),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index("conversation_participants_user_idx").on(t.userId),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    senderId: text("sender_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    /** Full-text search; 'simple' keeps English and Spanish words alike (no stemming for one language). */
    search: tsvector("search").generatedAlwaysAs((): SQL => sql`to_tsvector('simple', ${messages.body})`),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_conversation_created_idx").on(
      t.conversationId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("messages_search_idx").using("gin", t.search),
  ],
);

/**
 * Files uploaded to a conversation (bytes in the FileStorage, scanned): pending until the message
 * they were uploaded for is sent, then tied to it. Only the uploader may attach them, once.
 */
export const messageAttachments = pgTable(
  "message_attachments",
  {
    fileId: uuid("file_id")
      .primaryKey()
      .references(() => storedFiles.id, { onDelete: "cascade" }),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    messageId: uuid("message_id").references(() => messages.id, { onDelete: "cascade" }),
    uploadedBy: text("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    position: integer("position").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("message_attachments_message_idx").on(t.messageId, t.position)],
);

/** Replies admins keep for the staff inbox. */
export const savedReplies = pgTable("saved_replies", {
  id: uuid("id").primaryKey().defaultRandom(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
