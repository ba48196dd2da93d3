import type { LegalHold } from "@referral-app/shared/schemas/privacy";
import { and, asc, desc, eq, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import {
  accountDeletions,
  accounts,
  auditLog,
  cases,
  consentRecords,
  notifications,
  pushTokens,
  referrals,
  sessions,
  users,
} from "../../db/schema/index.ts";

export type DeletionRow = typeof accountDeletions.$inferSelect;

export async function findLatestDeletion(db: DbOrTx, userId: string): Promise<DeletionRow | null> {
  const [row] = await db
    .select()
    .from(accountDeletions)
    .where(eq(accountDeletions.userId, userId))
    .orderBy(desc(accountDeletions.createdAt))
    .limit(1);
  return row ?? null;
}

export async function insertDeletion(
  db: DbOrTx,
  values: { userId: string; requestedBy: string; scheduledFor: Date; holds: LegalHold[] },
): Promise<DeletionRow | null> {
  const [row] = await db.insert(accountDeletions).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

export async function cancelScheduledDeletion(db: DbOrTx, userId: string): Promise<DeletionRow | null> {
  const [row] = await db
    .update(accountDeletions)
    .set({ state: "cancelled", cancelledAt: new Date() })
    .where(and(eq(accountDeletions.userId, userId), eq(accountDeletions.state, "scheduled")))
    .returning();
  return row ?? null;
}

export function listDueDeletions(db: DbOrTx, now: Date) {
  return db
    .select()
    .from(accountDeletions)
    .where(and(eq(accountDeletions.state, "scheduled"), lte(accountDeletions.scheduledFor, now)))
    .orderBy(asc(accountDeletions.scheduledFor))
    .limit(100);
}

export async function completeDeletion(db: DbOrTx, id: string, holds: LegalHold[]): Promise<void> {
  await db
    .update(accountDeletions)
    .set({ state: "completed", completedAt: new Date(), holds })
    .where(eq(accountDeletions.id, id));
}

export async function countOpenCases(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(cases)
    .where(and(eq(cases.clientId, userId), isNull(cases.outcome)));
  return row?.n ?? 0;
}

/** No hold: the account goes; rows that name it by foreign key go with it or lose the link. */
export async function deleteUser(db: DbOrTx, userId: string): Promise<void> {
  await anonymiseAuditDetails(db, userId);
  await db.delete(users).where(eq(users.id, userId));
}

/**
 * A legal hold: what the law keeps (cases, invoices) stays, attached to an anonymous account that
 * can no longer sign in; contact details, sessions, devices, notifications, consents and the
 * referrals they made go.
 */
export async function anonymiseUser(db: DbOrTx, userId: string): Promise<void> {
  const now = new Date();
  await db
    .update(users)
    .set({
      name: "Deleted user",
      email: `deleted-${userId}@deleted.invalid`,
      emailVerified: false,
      image: null,
      phone: null,
      country: null,
      preferences: null,
      deactivatedAt: now,
      updatedAt: now,
    })
    .where(eq(users.id, userId));
  await db.delete(sessions).where(eq(sessions.userId, userId));
  await db.delete(accounts).where(eq(accounts.userId, userId));
  await db.delete(pushTokens).where(eq(pushTokens.userId, userId));
  await db.delete(notifications).where(eq(notifications.userId, userId));
  await db.delete(consentRecords).where(eq(consentRecords.userId, userId));
  await db.delete(referrals).where(eq(referrals.referrerId, userId));
  await anonymiseAuditDetails(db, userId);
}

/** Audit rows stay (they are the record of what happened) without the e-mail and address they carried. */
async function anonymiseAuditDetails(db: DbOrTx, userId: string): Promise<void> {
  await db
    .update(auditLog)
    .set({ after: sql`${auditLog.after} - 'email' - 'ip' - 'userAgent'` })
    .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, userId)));
}
