import { and, asc, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { users } from "../../db/schema/index.ts";

// One lock for every round-robin pick, so two cases opened at once go to two consultants.
const ROUND_ROBIN_LOCK = 7_236_402;

export interface ConsultantRef {
  id: string;
  name: string;
}

/**
 * Round-robin: the active consultant (role staff) who was given a case least recently takes this
 * one. Serialised by a transaction-level advisory lock, so it is race-safe across API instances.
 */
export async function takeNextConsultant(db: DbOrTx, at: Date): Promise<ConsultantRef | null> {
  await db.execute(sql`select pg_advisory_xact_lock(${ROUND_ROBIN_LOCK})`);
  const [next] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "staff"), isNull(users.deactivatedAt)))
    .orderBy(sql`${users.lastCaseAssignedAt} asc nulls first`, asc(users.createdAt), asc(users.id))
    .limit(1);
  if (!next) return null;
  await markAssigned(db, next.id, at);
  return next;
}

export async function markAssigned(db: DbOrTx, consultantId: string, at: Date): Promise<void> {
  await db.update(users).set({ lastCaseAssignedAt: at }).where(eq(users.id, consultantId));
}

/** An active staff member (staff or admin) who can be given cases and tasks. */
export async function findActiveStaff(db: DbOrTx, id: string): Promise<ConsultantRef | null> {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deactivatedAt)));
  if (!row || (row.role !== "staff" && row.role !== "admin")) return null;
  return { id: row.id, name: row.name };
}

export async function findClient(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, id));
  return row && row.role === "client" ? row : null;
}
