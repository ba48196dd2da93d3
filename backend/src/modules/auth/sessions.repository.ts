import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import { sessions, users } from "../../db/schema/index.ts";

const sessionUserStatement = prepared((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      partnerOrganizationId: users.partnerOrganizationId,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    // A deactivated staff member's sessions are deleted; this keeps a straggler from counting either.
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        gt(sessions.expiresAt, sql`now()`),
        isNull(users.deactivatedAt),
      ),
    )
    .limit(1)
    .prepare("session_user"),
);

/** The user of a live session, read fresh: a deleted or expired session answers null. */
export async function findSessionUser(db: DbOrTx, sessionId: string) {
  const [row] = await sessionUserStatement(db).execute({ sessionId });
  return row ?? null;
}
