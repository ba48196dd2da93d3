import type { Language } from "@referral-app/shared/constants";
import { defaultUserPreferences } from "@referral-app/shared/schemas/user";
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

/** The language the user reads (their preferences), English when unset. */
export async function findPreferences(db: DbOrTx, userId: string) {
  const [row] = await db.select({ preferences: users.preferences }).from(users).where(eq(users.id, userId));
  return row?.preferences ?? null;
}

/** The new account's preferences, in the language it signed up in. */
export async function saveSignUpLanguage(db: DbOrTx, userId: string, language: Language): Promise<void> {
  const preferences = (await findPreferences(db, userId)) ?? defaultUserPreferences();
  await db
    .update(users)
    .set({ preferences: { ...preferences, language } })
    .where(eq(users.id, userId));
}
