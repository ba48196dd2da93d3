import type { VisaStageId } from "@referral-app/shared/constants";
import {
  defaultUserPreferences,
  type UserPreferences,
  type UserProfile,
} from "@referral-app/shared/schemas/user";
import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import { users } from "../../db/schema/index.ts";

type UserRow = typeof users.$inferSelect;

export function toUserProfile(
  row: UserRow,
  visa: { currentStage: VisaStageId; updatedAt: Date } | null,
): UserProfile {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    phone: row.phone,
    country: row.country,
    role: row.role,
    referralCode: row.referralCode,
    emailVerified: row.emailVerified,
    createdAt: row.createdAt.toISOString(),
    profilePicture: row.image,
    preferences: row.preferences ?? defaultUserPreferences(),
    visaStatus: visa ? { currentStage: visa.currentStage, updatedAt: visa.updatedAt.toISOString() } : null,
  };
}

// Read on every app start and screen: prepared once per connection.
// visaStatus is the primary case's: the most recent open case, else the most recent one.
const primaryCase = (column: "current_stage" | "updated_at") =>
  sql.raw(
    `(select c.${column} from cases c where c.client_id = users.id order by c.outcome is null desc, c.created_at desc limit 1)`,
  );

const profileStatement = prepared((db) =>
  db
    .select({
      user: users,
      currentStage: sql<VisaStageId | null>`${primaryCase("current_stage")}`,
      visaUpdatedAt: sql<string | null>`${primaryCase("updated_at")}`,
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("user_profile"),
);

export async function findUserProfile(db: DbOrTx, userId: string): Promise<UserProfile | null> {
  const [row] = await profileStatement(db).execute({ userId });
  if (!row) return null;
  const visa =
    row.currentStage && row.visaUpdatedAt
      ? { currentStage: row.currentStage, updatedAt: new Date(row.visaUpdatedAt) }
      : null;
  return toUserProfile(row.user, visa);
}

export async function findUserRow(db: DbOrTx, userId: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}

export interface UserUpdate {
  name?: string;
  phone?: string | null;
  country?: string | null;
  image?: string | null;
  preferences?: UserPreferences;
}

export async function updateUser(db: DbOrTx, userId: string, update: UserUpdate): Promise<void> {
  await db
    .update(users)
    .set({ ...update, updatedAt: new Date() })
    .where(eq(users.id, userId));
}
