import { VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import {
  defaultUserPreferences,
  type UserPreferences,
  type UserProfile,
} from "@referral-app/shared/schemas/user";
import type { VisaProgress } from "@referral-app/shared/schemas/visa";
import { visaPercentComplete, visaStageState } from "@referral-app/shared/visa-progress";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { prepared } from "../../db/prepared.ts";
import { users, visaApplications, visaStageHistory } from "../../db/schema/index.ts";

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
const profileStatement = prepared((db) =>
  db
    .select({
      user: users,
      currentStage: visaApplications.currentStage,
      visaUpdatedAt: visaApplications.updatedAt,
    })
    .from(users)
    .leftJoin(visaApplications, eq(visaApplications.userId, users.id))
    .where(eq(users.id, sql.placeholder("userId")))
    .prepare("user_profile"),
);

export async function findUserProfile(db: DbOrTx, userId: string): Promise<UserProfile | null> {
  const [row] = await profileStatement(db).execute({ userId });
  if (!row) return null;
  const visa =
    row.currentStage && row.visaUpdatedAt
      ? { currentStage: row.currentStage, updatedAt: row.visaUpdatedAt }
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

/** Every client has one case, opened at the first stage when they sign up. Safe to call twice. */
export async function openVisaApplication(db: DbOrTx, userId: string): Promise<void> {
  const [created] = await db
    .insert(visaApplications)
    .values({ userId })
    .onConflictDoNothing({ target: visaApplications.userId })
    .returning({ id: visaApplications.id });
  if (created) {
    await db
      .insert(visaStageHistory)
      .values({ applicationId: created.id, fromStage: null, toStage: "enquiry" });
  }
}

export async function findVisaApplication(db: DbOrTx, userId: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select().from(visaApplications).where(eq(visaApplications.userId, userId));
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row ?? null;
}

export async function findVisaProgress(db: DbOrTx, userId: string): Promise<VisaProgress | null> {
  const application = await findVisaApplication(db, userId);
  if (!application) return null;
  const history = await db
    .select()
    .from(visaStageHistory)
    .where(eq(visaStageHistory.applicationId, application.id))
    .orderBy(asc(visaStageHistory.createdAt), asc(visaStageHistory.id));
  // The latest entry into each stage is when it started; the next entry after it is when it ended.
  const stages = VISA_STAGES.map((stage) => {
    const entered = history.filter((entry) => entry.toStage === stage.id).at(-1);
    const left = entered
      ? history.find((entry) => entry.createdAt > entered.createdAt && entry.fromStage === stage.id)
      : undefined;
    const status = visaStageState(stage.id, application.currentStage);
    return {
      id: stage.id,
      name: stage.name,
      order: stage.order,
      status,
      completed: status === "completed",
      startedAt: status === "upcoming" ? null : (entered?.createdAt.toISOString() ?? null),
      completedAt: status === "completed" ? (left?.createdAt.toISOString() ?? null) : null,
    } as const;
  });
  return {
    userId,
    applicationId: application.id,
    currentStage: application.currentStage,
    percentComplete: visaPercentComplete(application.currentStage),
    stages,
    history: history.map((entry) => ({
      id: entry.id,
      fromStage: entry.fromStage,
      toStage: entry.toStage,
      note: entry.note,
      changedBy: entry.changedBy,
      createdAt: entry.createdAt.toISOString(),
    })),
    updatedAt: application.updatedAt.toISOString(),
  };
}

export async function moveVisaStage(
  db: DbOrTx,
  input: {
    applicationId: string;
    fromStage: VisaStageId;
    toStage: VisaStageId;
    note: string | null;
    changedBy: string;
  },
): Promise<void> {
  const now = new Date();
  await db
    .update(visaApplications)
    .set({ currentStage: input.toStage, stageEnteredAt: now, updatedAt: now, lastReminderAt: null })
    .where(eq(visaApplications.id, input.applicationId));
  await db.insert(visaStageHistory).values({
    applicationId: input.applicationId,
    fromStage: input.fromStage,
    toStage: input.toStage,
    note: input.note,
    changedBy: input.changedBy,
    createdAt: now,
  });
}
