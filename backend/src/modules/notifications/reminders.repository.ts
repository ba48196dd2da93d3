import { VISA_STAGE_IDS } from "@referral-app/shared/constants";
import { and, asc, eq, inArray, isNull, lte, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { referrals, users, visaApplications } from "../../db/schema/index.ts";

export interface PendingReferral {
  id: string;
  fullName: string;
  createdAt: Date;
}

/** Pending referrals created before `createdBefore` that have not been reminded about yet. */
export async function findUnremindedPendingReferrals(
  db: DbOrTx,
  createdBefore: Date,
  limit: number,
): Promise<PendingReferral[]> {
  return db
    .select({ id: referrals.id, fullName: referrals.fullName, createdAt: referrals.createdAt })
    .from(referrals)
    .where(
      and(
        eq(referrals.status, "pending"),
        lte(referrals.createdAt, createdBefore),
        isNull(referrals.lastReminderAt),
      ),
    )
    .orderBy(asc(referrals.createdAt), asc(referrals.id))
    .limit(limit);
}

/** Marks the reminder sent; false when the referral moved on or another run already reminded. */
export async function markReferralReminded(db: DbOrTx, referralId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(referrals)
    .set({ lastReminderAt: at })
    .where(
      and(eq(referrals.id, referralId), eq(referrals.status, "pending"), isNull(referrals.lastReminderAt)),
    )
    .returning({ id: referrals.id });
  return rows.length > 0;
}

export async function listStaffIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.role, ["staff", "admin"]))
    .orderBy(asc(users.id));
  return rows.map((row) => row.id);
}

export interface StuckCase {
  id: string;
  userId: string;
  currentStage: (typeof VISA_STAGE_IDS)[number];
  stageEnteredAt: Date;
}

/** Clients' cases that entered their stage before `enteredBefore`, not reminded since; the last stage is done. */
export async function findUnremindedStuckCases(
  db: DbOrTx,
  enteredBefore: Date,
  limit: number,
): Promise<StuckCase[]> {
  return db
    .select({
      id: visaApplications.id,
      userId: visaApplications.userId,
      currentStage: visaApplications.currentStage,
      stageEnteredAt: visaApplications.stageEnteredAt,
    })
    .from(visaApplications)
    .innerJoin(users, eq(users.id, visaApplications.userId))
    .where(
      and(
        eq(users.role, "client"),
        lte(visaApplications.stageEnteredAt, enteredBefore),
        isNull(visaApplications.lastReminderAt),
        ne(visaApplications.currentStage, VISA_STAGE_IDS[VISA_STAGE_IDS.length - 1]!),
      ),
    )
    .orderBy(asc(visaApplications.stageEnteredAt), asc(visaApplications.id))
    .limit(limit);
}

/** Marks the case reminded for this stage entry; false when it moved on or was already reminded. */
export async function markCaseReminded(
  db: DbOrTx,
  stuck: StuckCase,
  enteredBefore: Date,
  at: Date,
): Promise<boolean> {
  // Timestamps are compared by range, not equality: JavaScript dates drop PostgreSQL's microseconds.
  const rows = await db
    .update(visaApplications)
    .set({ lastReminderAt: at })
    .where(
      and(
        eq(visaApplications.id, stuck.id),
        eq(visaApplications.currentStage, stuck.currentStage),
        lte(visaApplications.stageEnteredAt, enteredBefore),
        isNull(visaApplications.lastReminderAt),
      ),
    )
    .returning({ id: visaApplications.id });
  return rows.length > 0;
}
