import type { AuditEntry } from "@referral-app/shared/schemas/audit";
import { and, count, desc, eq, gte, inArray, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { auditLog, users } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, olderThan, pageOf } from "../../lib/cursor.ts";

export interface NewAuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export async function insertAuditEntry(db: DbOrTx, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

/** The audit log newest first, keyset-paged on (created_at, id), with the actor's name. */
export async function listAuditEntries(
  db: DbOrTx,
  filter: AuditFilter,
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filter.entityType) conditions.push(eq(auditLog.entityType, filter.entityType));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.actorId) conditions.push(eq(auditLog.actorId, filter.actorId));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.cursor) conditions.push(olderThan(auditLog.createdAt, auditLog.id, filter.cursor));
  const rows = await db
    .select({
      entry: auditLog,
      actorName: users.name,
      actorEmail: users.email,
      cursorAt: cursorTime(auditLog.createdAt),
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(filter.limit + 1);
  const page = pageOf(rows, filter.limit, (row) => ({ t: row.cursorAt, id: row.entry.id }));
  return {
    items: page.items.map(({ entry, actorName, actorEmail }) => ({
      id: entry.id,
      actorId: entry.actorId,
      actorName,
      actorEmail,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ?? null,
      after: entry.after ?? null,
      createdAt: entry.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

/** How many entries with one of `actions` name `partnerOrganizationId` (in `after`) since `since`. */
export async function countOrganizationActionsSince(
  db: DbOrTx,
  filter: { actions: string[]; partnerOrganizationId: string; since: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        gte(auditLog.createdAt, filter.since),
        inArray(auditLog.action, filter.actions),
        sql`${auditLog.after}->>'partnerOrganizationId' = ${filter.partnerOrganizationId}`,
      ),
    );
  return row?.n ?? 0;
}

/** A user's own trail ("My activity"): everything logged about their account, newest first. */
export async function listUserAuditEntries(
  db: DbOrTx,
  userId: string,
  query: { page: number; limit: number },
): Promise<{ items: (typeof auditLog.$inferSelect)[]; total: number }> {
  const where = and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, userId));
  const [items, [totalRow]] = await Promise.all([
    db
      .select()
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(query.limit)
      .offset((query.page - 1) * query.limit),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  return { items, total: totalRow?.total ?? 0 };
}
