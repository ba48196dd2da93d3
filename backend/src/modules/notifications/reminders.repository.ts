import { VISA_STAGE_IDS } from "@referral-app/shared/constants";
import { and, asc, eq, isNull, lte, ne } from "drizzle-orm";
import type { DbOrTx } from "../../db/client.ts";
import { cases, referrals, users } from "../../db/schema/index.ts";

export interface PendingReferral {
  id: string;
  fullName: string;
  contactBy: Date;
}

/** Pending referrals past their contact deadline that have not been escalated yet, oldest deadline first. */
export async function findUnescalatedOverdueReferrals(
  db: DbOrTx,
  now: Date,
  limit: number,
): Promise<PendingReferral[]> {
  return db
    .select({ id: referrals.id, fullName: referrals.fullName, contactBy: referrals.contactBy })
    .from(referrals)
    .where(
      and(eq(referrals.status, "pending"), lte(referrals.contactBy, now), isNull(referrals.lastReminderAt)),
    )
    .orderBy(asc(referrals.contactBy), asc(referrals.id))
    .limit(limit);
}

/** Marks the escalation sent; false when the referral moved on or another run already escalated it. */
export async function markReferralEscalated(db: DbOrTx, referralId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(referrals)
    .set({ lastReminderAt: at })
    .where(
      and(eq(referrals.id, referralId), eq(referrals.status, "pending"), isNull(referrals.lastReminderAt)),
    )
    .returning({ id: referrals.id });
  return rows.length > 0;
}

/** Active admins: who hears about referrals nobody contacted in time. */
export async function listAdminIds(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.deactivatedAt)))
    .orderBy(asc(users.id));
  return rows.map((row) => row.id);
}

export interface StuckCase {
  id: string;
  userId: string;
  currentStage: (typeof VISA_STAGE_IDS)[number];
  stageEnteredAt: Date;
}

/** Clients' open cases that entered their stage before `enteredBefore`, not reminded since; the last stage is done. */
export async function findUnremindedStuckCases(
  db: DbOrTx,
  enteredBefore: Date,
  limit: number,
): Promise<StuckCase[]> {
  return db
    .select({
      id: cases.id,
      userId: cases.clientId,
      currentStage: cases.currentStage,
      stageEnteredAt: cases.stageEnteredAt,
    })
    .from(cases)
    .innerJoin(users, eq(users.id, cases.clientId))
    .where(
      and(
        eq(users.role, "client"),
        // Decided cases are closed: nothing is waiting on the client.
        isNull(cases.outcome),
        lte(cases.stageEnteredAt, enteredBefore),
        isNull(cases.lastReminderAt),
        ne(cases.currentStage, VISA_STAGE_IDS[VISA_STAGE_IDS.length - 1]!),
      ),
    )
    .orderBy(asc(cases.stageEnteredAt), asc(cases.id))
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
    .update(cases)
    .set({ lastReminderAt: at })
    .where(
      and(
        eq(cases.id, stuck.id),
        eq(cases.currentStage, stuck.currentStage),
        lte(cases.stageEnteredAt, enteredBefore),
        isNull(cases.lastReminderAt),
      ),
    )
    .returning({ id: cases.id });
  return rows.length > 0;
}
