import type {
  HighlightSegment,
  Message,
  MessageAttachment,
  MessageSearchResult,
} from "@referral-app/shared/schemas/conversation";
import { and, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  cases,
  conversationParticipants,
  conversations,
  messageAttachments,
  messages,
  storedFiles,
  users,
} from "../../db/schema/index.ts";
import { type Cursor, cursorTime, olderThan, pageOf } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";
import { attachmentsOf } from "./attachments.repository.ts";

/** Rows with their attachments (one query for the lot). */
async function withAttachments(db: DbOrTx, rows: MessageSelect[]): Promise<Message[]> {
  const files = await attachmentsOf(
    db,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toMessage(row, files.get(row.id)));
}

export type MessageRow = typeof messages.$inferSelect;

const messageColumns = {
  id: messages.id,
  conversationId: messages.conversationId,
  senderId: messages.senderId,
  senderName: users.name,
  senderRole: users.role,
  body: messages.body,
  editedAt: messages.editedAt,
  deletedAt: messages.deletedAt,
  createdAt: messages.createdAt,
  cursor: cursorTime(messages.createdAt),
};

type MessageSelect = {
  id: string;
  conversationId: string;
  senderId: string | null;
  senderName: string | null;
  senderRole: Message["senderRole"];
  body: string;
  editedAt: Date | null;
  deletedAt: Date | null;
  createdAt: Date;
};

export function toMessage(row: MessageSelect, attachments: MessageAttachment[] = []): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    senderId: row.senderId,
    // A deleted account leaves its messages without a name; the apps show "Former participant".
    senderName: row.senderName ?? "",
    senderRole: row.senderRole,
    body: row.deletedAt ? "" : row.body,
    // A deleted message's files go with its text.
    attachments: row.deletedAt ? [] : attachments,
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const selectMessages = (db: DbOrTx) =>
  db.select(messageColumns).from(messages).leftJoin(users, eq(users.id, messages.senderId));

export async function findMessagesByIds(db: DbOrTx, ids: readonly string[]): Promise<Message[]> {
  if (ids.length === 0) return [];
  const rows = await selectMessages(db).where(inArray(messages.id, [...ids]));
  return withAttachments(db, rows);
}

export async function findMessage(db: DbOrTx, id: string): Promise<Message | null> {
  if (!isUuid(id)) return null;
  const [row] = await selectMessages(db).where(eq(messages.id, id));
  return row ? ((await withAttachments(db, [row]))[0] ?? null) : null;
}

export async function findMessageRow(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<MessageRow | null> {
  if (!isUuid(id)) return null;
  const query = db.select().from(messages).where(eq(messages.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * Each message's files as a JSON array (null without any), in the message's own row: the page of a
 * thread then costs one round trip instead of two (the round trips, not the SQL, were its cost).
 */
const attachmentsJson = sql<MessageAttachment[] | null>`(
  select json_agg(json_build_object(
    'id', f.id, 'fileName', coalesce(f.file_name, 'file'), 'contentType', f.content_type, 'size', f.size_bytes
  ) order by a.position)
  from ${messageAttachments} a join ${storedFiles} f on f.id = a.file_id
  where a.message_id = ${messages.id})`;

/** A page of a thread: the newest `limit` before the cursor, answered oldest first (newest last). */
export async function listMessages(
  db: DbOrTx,
  conversationId: string,
  page: { cursor: Cursor | null; limit: number },
): Promise<{ items: Message[]; nextCursor: string | null }> {
  const rows = await db
    .select({ ...messageColumns, attachments: attachmentsJson })
    .from(messages)
    .leftJoin(users, eq(users.id, messages.senderId))
    .where(
      and(
        eq(messages.conversationId, conversationId),
        page.cursor ? olderThan(messages.createdAt, messages.id, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => ({ t: row.cursor, id: row.id }));
  return { items: items.map((row) => toMessage(row, row.attachments ?? [])).reverse(), nextCursor };
}

export async function insertMessage(
  db: DbOrTx,
  values: { conversationId: string; senderId: string; body: string },
): Promise<MessageRow> {
  const [row] = await db.insert(messages).values(values).returning();
  return row!;
}

export async function updateMessageRow(
  db: DbOrTx,
  id: string,
  values: { body?: string; editedAt?: Date; deletedAt?: Date },
): Promise<void> {
  await db.update(messages).set(values).where(eq(messages.id, id));
}

/**
 * Moves the read receipt forward to `messageId` (never back). Answers whether it moved. The time is
 * read in SQL: a JS Date would drop the microseconds and leave the message itself unread.
 */
export async function advanceReadReceipt(
  db: DbOrTx,
  participant: { conversationId: string; userId: string },
  messageId: string,
): Promise<boolean> {
  const readAt = sql`(select m.created_at from messages m where m.id = ${messageId})`;
  const rows = await db
    .update(conversationParticipants)
    .set({ lastReadMessageId: messageId, lastReadAt: readAt })
    .where(
      and(
        eq(conversationParticipants.conversationId, participant.conversationId),
        eq(conversationParticipants.userId, participant.userId),
        or(
          isNull(conversationParticipants.lastReadAt),
          sql`${conversationParticipants.lastReadAt} < ${readAt}`,
        ),
      ),
    )
    .returning({ userId: conversationParticipants.userId });
  return rows.length > 0;
}

// Markers ts_headline puts around matches; control characters, which message bodies never contain.
const START = "\u0002";
const STOP = "\u0003";

/** Splits a ts_headline excerpt into plain pieces, so the apps never render server-made HTML. */
export function toSegments(headline: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  for (const [index, part] of headline.split(START).entries()) {
    if (index === 0) {
      if (part) segments.push({ text: part, match: false });
      continue;
    }
    const [match = "", rest = ""] = part.split(STOP);
    if (match) segments.push({ text: match, match: true });
    if (rest) segments.push({ text: rest, match: false });
  }
  return segments;
}

/**
 * Full-text search over messages in the user's conversations (only theirs: the participant join is
 * the permission), best matches first, each with a highlighted excerpt.
 */
export async function searchMessages(
  db: DbOrTx,
  userId: string,
  q: string,
  limit: number,
): Promise<MessageSearchResult[]> {
  const query = sql`websearch_to_tsquery('simple', ${q})`;
  const rows = await db
    .select({
      ...messageColumns,
      conversationType: conversations.type,
      conversationSubject: conversations.subject,
      caseNumber: cases.number,
      rank: sql<number>`ts_rank(${messages.search}, ${query})`,
      headline: sql<string>`ts_headline('simple', ${messages.body}, ${query},
        ${`StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "`})`,
    })
    .from(messages)
    .innerJoin(
      conversationParticipants,
      and(
        eq(conversationParticipants.conversationId, messages.conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    )
    .innerJoin(conversations, eq(conversations.id, messages.conversationId))
    .leftJoin(cases, eq(cases.id, conversations.caseId))
    .leftJoin(users, eq(users.id, messages.senderId))
    .where(and(sql`${messages.search} @@ ${query}`, isNull(messages.deletedAt)))
    .orderBy(sql`ts_rank(${messages.search}, ${query}) desc`, desc(messages.createdAt))
    .limit(limit);
  const withFiles = await withAttachments(db, rows);
  return rows.map((row, index) => ({
    message: withFiles[index]!,
    conversationType: row.conversationType,
    conversationSubject: row.conversationSubject,
    caseNumber: row.caseNumber,
    excerpt: toSegments(row.headline),
    rank: Number(row.rank),
  }));
}
