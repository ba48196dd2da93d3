import type { ConversationSummary, Message, Participant } from "@referral-app/shared/schemas/conversation";
import type { UserPreferences } from "@referral-app/shared/schemas/user";
import { and, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { cases, conversationParticipants, conversations, users } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, olderThan, pageOf } from "../../lib/cursor.ts";
import { isUuid } from "../../lib/ids.ts";
import { findMessagesByIds } from "./messages.repository.ts";

export type ConversationRow = typeof conversations.$inferSelect;
export type ParticipantRow = typeof conversationParticipants.$inferSelect;
export type NewConversation = typeof conversations.$inferInsert;

export async function findConversationRow(
  db: DbOrTx,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<ConversationRow | null> {
  if (!isUuid(id)) return null;
  const query = db.select().from(conversations).where(eq(conversations.id, id));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

/**
 * The conversation with the caller's participant row (null when they are not in it), in one round
 * trip: every thread read starts here, so it is on the hot path of the messages page.
 */
export async function findConversationFor(
  db: DbOrTx,
  id: string,
  userId: string,
): Promise<{ conversation: ConversationRow; participant: ParticipantRow | null } | null> {
  if (!isUuid(id)) return null;
  const [row] = await db
    .select({ conversation: conversations, participant: conversationParticipants })
    .from(conversations)
    .leftJoin(
      conversationParticipants,
      and(
        eq(conversationParticipants.conversationId, conversations.id),
        eq(conversationParticipants.userId, userId),
      ),
    )
    .where(eq(conversations.id, id));
  return row ?? null;
}

export async function findParticipant(
  db: DbOrTx,
  conversationId: string,
  userId: string,
): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    );
  return row ?? null;
}

export async function findConsultationOfCase(db: DbOrTx, caseId: string): Promise<ConversationRow | null> {
  const [row] = await db
    .select()
    .from(conversations)
    .where(and(eq(conversations.caseId, caseId), eq(conversations.type, "consultation")));
  return row ?? null;
}

/** Inserts, or (a second consultation on one case racing the first) answers null. */
export async function insertConversation(
  db: DbOrTx,
  values: NewConversation,
): Promise<ConversationRow | null> {
  const [row] = await db.insert(conversations).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function updateConversationRow(
  db: DbOrTx,
  id: string,
  values: Partial<NewConversation>,
): Promise<ConversationRow> {
  const [row] = await db.update(conversations).set(values).where(eq(conversations.id, id)).returning();
  return row!;
}

export async function addParticipants(
  db: DbOrTx,
  conversationId: string,
  userIds: readonly string[],
  canWrite = true,
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .insert(conversationParticipants)
    .values([...new Set(userIds)].map((userId) => ({ conversationId, userId, canWrite })))
    .onConflictDoNothing();
}

/** Users by id with what the rules need: role, organisation, whether they may sign in. */
export function findUsers(db: DbOrTx, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: users.id,
      role: users.role,
      partnerOrganizationId: users.partnerOrganizationId,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(inArray(users.id, [...ids]));
}

export async function listParticipants(db: DbOrTx, conversationId: string): Promise<Participant[]> {
  const rows = await db
    .select({
      userId: conversationParticipants.userId,
      name: users.name,
      role: users.role,
      canWrite: conversationParticipants.canWrite,
      lastReadMessageId: conversationParticipants.lastReadMessageId,
      lastReadAt: conversationParticipants.lastReadAt,
    })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(eq(conversationParticipants.conversationId, conversationId))
    .orderBy(conversationParticipants.joinedAt, conversationParticipants.userId);
  return rows.map((row) => ({ ...row, lastReadAt: row.lastReadAt?.toISOString() ?? null }));
}

/** Participants to tell about a message: ids, address, language and preferences. */
export function listRecipients(db: DbOrTx, conversationId: string) {
  return db
    .select({
      userId: conversationParticipants.userId,
      email: users.email,
      name: users.name,
      role: users.role,
      preferences: sql<UserPreferences | null>`${users.preferences}`,
    })
    .from(conversationParticipants)
    .innerJoin(users, eq(users.id, conversationParticipants.userId))
    .where(eq(conversationParticipants.conversationId, conversationId));
}

/** Messages from others after the participant's read receipt (`p` is their participant row). */
export const unreadOf = (userId: string): SQL<number> => sql<number>`(
  select count(*)::int from messages m
  where m.conversation_id = ${conversationParticipants.conversationId}
    and m.deleted_at is null
    and m.sender_id is distinct from ${userId}
    and (${conversationParticipants.lastReadAt} is null or m.created_at > ${conversationParticipants.lastReadAt}))`;

export async function countUnreadIn(db: DbOrTx, conversationId: string, userId: string): Promise<number> {
  const [row] = await db
    .select({ unread: unreadOf(userId) })
    .from(conversationParticipants)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    );
  return row?.unread ?? 0;
}

export async function countUnreadTotal(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<number>`coalesce(sum(${unreadOf(userId)}), 0)::int` })
    .from(conversationParticipants)
    .where(eq(conversationParticipants.userId, userId));
  return row?.total ?? 0;
}

const summaryColumns = (userId: string) => ({
  conversation: conversations,
  caseNumber: cases.number,
  unreadCount: unreadOf(userId),
  activityCursor: cursorTime(conversations.lastActivityAt),
  lastMessageId: sql<string | null>`(
    select m.id from messages m where m.conversation_id = ${conversations.id}
    order by m.created_at desc, m.id desc limit 1)`,
});

type SummaryRow = {
  conversation: ConversationRow;
  caseNumber: string | null;
  unreadCount: number;
  lastMessageId: string | null;
};

async function toSummaries(db: DbOrTx, rows: SummaryRow[]) {
  const last = await findMessagesByIds(
    db,
    rows.flatMap((row) => (row.lastMessageId ? [row.lastMessageId] : [])),
  );
  const byId = new Map(last.map((message) => [message.id, message]));
  return rows.map((row) => toSummary(row, row.lastMessageId ? (byId.get(row.lastMessageId) ?? null) : null));
}

function toSummary(row: SummaryRow, lastMessage: Message | null): ConversationSummary {
  const c = row.conversation;
  return {
    id: c.id,
    type: c.type,
    caseId: c.caseId,
    caseNumber: row.caseNumber,
    subject: c.subject,
    state: c.state,
    lastMessage,
    unreadCount: row.unreadCount,
    lastActivityAt: c.lastActivityAt.toISOString(),
    createdAt: c.createdAt.toISOString(),
  };
}

/** The user's conversations, most recent activity first, with the last message and their unread count. */
export async function listConversationsOf(
  db: DbOrTx,
  viewer: { id: string },
  page: { cursor: Cursor | null; limit: number },
) {
  const rows = await db
    .select(summaryColumns(viewer.id))
    .from(conversationParticipants)
    .innerJoin(conversations, eq(conversations.id, conversationParticipants.conversationId))
    .leftJoin(cases, eq(cases.id, conversations.caseId))
    .where(
      and(
        eq(conversationParticipants.userId, viewer.id),
        page.cursor ? olderThan(conversations.lastActivityAt, conversations.id, page.cursor) : undefined,
      ),
    )
    .orderBy(desc(conversations.lastActivityAt), desc(conversations.id))
    .limit(page.limit + 1);
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => ({
    t: row.activityCursor,
    id: row.conversation.id,
  }));
  return { items: await toSummaries(db, items), nextCursor };
}

/** One conversation as a summary for `viewer` (who need not be a participant: an admin with a reason). */
export async function findSummaryFor(
  db: DbOrTx,
  conversationId: string,
  viewer: { id: string },
): Promise<ConversationSummary | null> {
  const [row] = await db
    .select({
      conversation: conversations,
      caseNumber: cases.number,
      lastMessageId: summaryColumns(viewer.id).lastMessageId,
      unreadCount: sql<number>`coalesce((select ${unreadOf(viewer.id)} from ${conversationParticipants}
        where ${conversationParticipants.conversationId} = ${conversations.id}
          and ${conversationParticipants.userId} = ${viewer.id}), 0)`,
    })
    .from(conversations)
    .leftJoin(cases, eq(cases.id, conversations.caseId))
    .where(eq(conversations.id, conversationId));
  if (!row) return null;
  const [summary] = await toSummaries(db, [row]);
  return summary ?? null;
}

/** A case's consultation for the case page, with the caller's part in it. */
export async function findCaseConversation(db: DbOrTx, caseId: string, userId: string) {
  const [row] = await db
    .select({
      id: conversations.id,
      lastActivityAt: conversations.lastActivityAt,
      isParticipant: sql<boolean>`${conversationParticipants.userId} is not null`,
      unreadCount: sql<number>`case when ${conversationParticipants.userId} is null then 0 else ${unreadOf(userId)} end`,
      messageCount: sql<number>`(select count(*)::int from messages m
        where m.conversation_id = ${conversations.id} and m.deleted_at is null)`,
    })
    .from(conversations)
    .leftJoin(
      conversationParticipants,
      and(
        eq(conversationParticipants.conversationId, conversations.id),
        eq(conversationParticipants.userId, userId),
      ),
    )
    .where(and(eq(conversations.caseId, caseId), eq(conversations.type, "consultation")));
  return row ? { ...row, lastActivityAt: row.lastActivityAt.toISOString() } : null;
}
