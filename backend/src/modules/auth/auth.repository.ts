import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { accounts, users } from "../../db/schema/index.ts";

/** A deactivated staff member may not start a session. */
export async function isDeactivated(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db.select({ at: users.deactivatedAt }).from(users).where(eq(users.id, userId));
  return row?.at != null;
}

/** False for an invited member who has not set a password yet. */
export async function hasPassword(db: DbOrTx, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(
      and(
        eq(accounts.userId, userId),
        eq(accounts.providerId, "credential"),
        sql`${accounts.password} is not null`,
      ),
    );
  return row !== undefined;
}
