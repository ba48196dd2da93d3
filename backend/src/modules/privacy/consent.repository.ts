import { defaultUserPreferences } from "@referral-app/shared/schemas/user";
import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { consentRecords, users } from "../../db/schema/index.ts";

export async function insertConsent(
  db: DbOrTx,
  record: { userId: string; kind: "marketing"; granted: boolean; textVersion: string },
): Promise<void> {
  await db.insert(consentRecords).values(record);
}

/** The latest marketing answer, or null when never asked. */
export async function findMarketingConsent(db: DbOrTx, userId: string) {
  const [row] = await db
    .select()
    .from(consentRecords)
    .where(and(eq(consentRecords.userId, userId), eq(consentRecords.kind, "marketing")))
    .orderBy(desc(consentRecords.createdAt), desc(consentRecords.id))
    .limit(1);
  return row ?? null;
}

/** Promotional e-mail and push follow the consent (in-app stays as the user set it). */
export async function setPromotionalChannels(db: DbOrTx, userId: string, on: boolean): Promise<void> {
  const [row] = await db.select({ preferences: users.preferences }).from(users).where(eq(users.id, userId));
  if (!row) return;
  const preferences = row.preferences ?? defaultUserPreferences();
  const promotional = { ...preferences.notifications.promotional, email: on, push: on };
  await db
    .update(users)
    .set({ preferences: { ...preferences, notifications: { ...preferences.notifications, promotional } } })
    .where(eq(users.id, userId));
}
