import type { VisaStageId } from "@referral-app/shared/constants";
import type { AdminClient } from "@referral-app/shared/schemas/admin";
import { and, desc, eq, ilike, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { cases, users } from "../../db/schema/index.ts";
import { type Cursor, cursorTime, likePattern, olderThan, pageOf } from "../../lib/cursor.ts";

export interface ClientListFilter {
  q?: string | undefined;
  stage?: VisaStageId | undefined;
  cursor?: Cursor | undefined;
  limit: number;
}

/** Clients newest first: walks users (role, created_at) with a keyset cursor. */
export async function listClients(
  db: DbOrTx,
  filter: ClientListFilter,
): Promise<{ items: AdminClient[]; nextCursor: string | null }> {
  const conditions: SQL[] = [eq(users.role, "client")];
  if (filter.q) {
    const pattern = likePattern(filter.q);
    conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern)) as SQL);
  }
  // A client at a stage has an open case there.
  if (filter.stage) {
    conditions.push(
      sql`exists (select 1 from ${cases} where ${cases.clientId} = ${users.id} and ${cases.outcome} is null and ${cases.currentStage} = ${filter.stage})`,
    );
  }
  if (filter.cursor) conditions.push(olderThan(users.createdAt, users.id, filter.cursor));
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      country: users.country,
      // The primary case's stage: the most recent open case, else the most recent one.
      // Written out in full: drizzle leaves columns unqualified in a one-table select.
      currentStage: sql<VisaStageId | null>`(select c.current_stage from cases c where c.client_id = users.id order by c.outcome is null desc, c.created_at desc limit 1)`,
      createdAt: users.createdAt,
      cursorAt: cursorTime(users.createdAt),
      referrals: sql<number>`(select count(*)::int from referrals r where r.referrer_id = users.id)`,
    })
    .from(users)
    .where(and(...conditions))
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(filter.limit + 1);
  const page = pageOf(rows, filter.limit, (row) => ({ t: row.cursorAt, id: row.id }));
  return {
    items: page.items.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      country: row.country,
      currentStage: row.currentStage,
      referrals: Number(row.referrals),
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}

export async function findClientRole(db: DbOrTx, userId: string): Promise<string | null> {
  const [row] = await db.select({ role: users.role }).from(users).where(eq(users.id, userId));
  return row?.role ?? null;
}
