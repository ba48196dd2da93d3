import type { ConversationState, InboxItem, SavedReply } from "@referral-app/shared/schemas/conversation";
import { and, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../../db/client.ts";
import { conversations, savedReplies, users } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, olderThan, pageOf } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";

const client = alias(users, "inbox_client");
const assignee = alias(users, "inbox_assignee");

export interface InboxFilter {
  id?: string;
  state?: ConversationState | undefined;
  /** A staff id, or null for unassigned. */
  assigneeId?: string | null | undefined;
  overdue?: boolean | undefined;
}

const overdueAt = (now: Date): SQL<boolean> =>
  sql<boolean>`(${conversations.firstRespondedAt} is null and ${conversations.state} <> 'closed'
    and ${conversations.firstResponseDueAt} < ${now.toISOString()}::timestamptz)`;

/** The shared staff inbox: support conversations by last activity, newest first. */
export async function listInbox(
  db: DbOrTx,
  viewerId: string,
  filter: InboxFilter,
  page: { cursor: Cursor | null; limit: number },
  now: Date,
): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
  const rows = await db
    .select({
      conversation: conversations,
      clientId: client.id,
      clientName: client.name,
      clientEmail: client.email,
      assigneeName: assignee.name,
      assigneeEmail: assignee.email,
      overdue: overdueAt(now),
      cursor: cursorTime(conversations.lastActivityAt),
      isParticipant: sql<boolean>`exists (select 1 from conversation_participants p
        where p.conversation_id = ${conversations.id} and p.user_id = ${viewerId})`,
      messageCount: sql<number>`(select count(*)::int from messages m
        where m.conversation_id = ${conversations.id} and m.deleted_at is null)`,
    })
    .from(conversations)
    .leftJoin(client, eq(client.id, conversations.createdBy))
    .leftJoin(assignee, eq(assignee.id, conversations.assigneeId))
    .where(
      and(
        eq(conversations.type, "support"),
        filter.id ? eq(conversations.id, filter.id) : undefined,
        filter.state ? eq(conversations.state, filter.state) : undefined,
        filter.assigneeId === null ? isNull(conversations.assigneeId) : undefined,
        filter.assigneeId ? eq(conversations.assigneeId, filter.assigneeId) : undefined,
        filter.overdue === true ? overdueAt(now) : undefined,
        filter.overdue === false ? sql`not ${overdueAt(now)}` : undefined,
        page.cursor ? olderThan(conversations.lastActivityAt, conversations.id, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => ({
    t: row.cursor,
    id: row.conversation.id,
  }));
  return {
    nextCursor,
    items: items.map((row) => {
      const c = row.conversation;
      return {
        id: c.id,
        subject: c.subject,
        state: c.state,
        client: row.clientId ? { id: row.clientId, name: row.clientName!, email: row.clientEmail! } : null,
        assignee: c.assigneeId
          ? { id: c.assigneeId, name: row.assigneeName!, email: row.assigneeEmail! }
          : null,
        isParticipant: row.isParticipant,
        messageCount: row.messageCount,
        lastActivityAt: c.lastActivityAt.toISOString(),
        firstResponseDueAt: (c.firstResponseDueAt ?? c.createdAt).toISOString(),
        firstRespondedAt: c.firstRespondedAt?.toISOString() ?? null,
        overdue: row.overdue,
        createdAt: c.createdAt.toISOString(),
      };
    }),
  };
}

const toSavedReply = (row: typeof savedReplies.$inferSelect): SavedReply => ({
  id: row.id,
  title: row.title,
  body: row.body,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

export async function listSavedReplies(db: DbOrTx): Promise<SavedReply[]> {
  const rows = await db.select().from(savedReplies).orderBy(savedReplies.title, savedReplies.id);
  return rows.map(toSavedReply);
}

export async function insertSavedReply(
  db: DbOrTx,
  values: { title: string; body: string; createdBy: string },
): Promise<SavedReply> {
  const [row] = await db.insert(savedReplies).values(values).returning();
  return toSavedReply(row!);
}

/** The reply's row before a change, locked so an edit and a delete do not cross. */
export async function findSavedReplyRow(db: DbOrTx, id: string) {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(savedReplies).where(eq(savedReplies.id, id)).for("update");
  return row ?? null;
}

export async function updateSavedReplyRow(
  db: DbOrTx,
  id: string,
  values: { title?: string | undefined; body?: string | undefined },
): Promise<SavedReply> {
  const [row] = await db
    .update(savedReplies)
    .set({
      ...(values.title !== undefined ? { title: values.title } : {}),
      ...(values.body !== undefined ? { body: values.body } : {}),
      updatedAt: new Date(),
    })
    .where(eq(savedReplies.id, id))
    .returning();
  return toSavedReply(row!);
}

export async function deleteSavedReplyRow(db: DbOrTx, id: string): Promise<void> {
  await db.delete(savedReplies).where(eq(savedReplies.id, id));
}
