import { VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type { AppContext } from "../../context.ts";
import { addBusinessDays } from "../../lib/business-days.ts";
import { enqueueNotification } from "./notifications.service.ts";
import {
  findUnremindedPendingReferrals,
  findUnremindedStuckCases,
  listStaffIds,
  markCaseReminded,
  markReferralReminded,
} from "./reminders.repository.ts";

/** A referral still pending this many business days after it arrived reminds every staff member. */
export const PENDING_REFERRAL_BUSINESS_DAYS = 2;
/** A case in one stage this many calendar days reminds its client. */
export const STUCK_CASE_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;
const BATCH = 200;

export interface ReminderRun {
  referrals: number;
  cases: number;
}

/** Sends every reminder due at `now`. Safe to run concurrently or twice: each is sent once. */
export async function sendDueReminders(ctx: AppContext, now: Date = new Date()): Promise<ReminderRun> {
  return {
    referrals: await remindStaffOfPendingReferrals(ctx, now),
    cases: await remindClientsOfStuckCases(ctx, now),
  };
}

async function remindStaffOfPendingReferrals(ctx: AppContext, now: Date): Promise<number> {
  const staffIds = await listStaffIds(ctx.db);
  // Nobody to tell: leave the referrals unmarked so the first staff member hears about them.
  if (staffIds.length === 0) return 0;
  // Business days are never shorter than calendar days, so everything due is at least this old;
  // the exact test runs below, oldest first, and stops at the first referral not yet due.
  const createdBefore = new Date(now.getTime() - PENDING_REFERRAL_BUSINESS_DAYS * DAY_MS);
  let reminded = 0;
  for (;;) {
    const candidates = await findUnremindedPendingReferrals(ctx.db, createdBefore, BATCH);
    const due = candidates.filter(
      (referral) => now > addBusinessDays(referral.createdAt, PENDING_REFERRAL_BUSINESS_DAYS),
    );
    for (const referral of due) {
      const sent = await ctx.db.transaction(async (tx) => {
        if (!(await markReferralReminded(tx, referral.id, now))) return false;
        for (const staffId of staffIds) {
          await enqueueNotification(ctx, tx, {
            userId: staffId,
            type: "reminder",
            title: "Referral waiting for contact",
            body: `${referral.fullName} has been pending for ${PENDING_REFERRAL_BUSINESS_DAYS} business days. Contact them or update the status.`,
            data: { kind: "referral_pending", referralId: referral.id },
            dedupeKey: `reminder:referral:${referral.id}:${staffId}`,
          });
        }
        return true;
      });
      if (sent) reminded += 1;
    }
    if (candidates.length < BATCH || due.length < candidates.length) return reminded;
  }
}

const stageName = (id: VisaStageId) => VISA_STAGES.find((stage) => stage.id === id)?.name ?? id;

async function remindClientsOfStuckCases(ctx: AppContext, now: Date): Promise<number> {
  const enteredBefore = new Date(now.getTime() - STUCK_CASE_DAYS * DAY_MS);
  let reminded = 0;
  for (;;) {
    const cases = await findUnremindedStuckCases(ctx.db, enteredBefore, BATCH);
    for (const stuck of cases) {
      const sent = await ctx.db.transaction(async (tx) => {
        if (!(await markCaseReminded(tx, stuck, enteredBefore, now))) return false;
        const stage = stageName(stuck.currentStage);
        await enqueueNotification(ctx, tx, {
          userId: stuck.userId,
          type: "reminder",
          title: `Your case is waiting at ${stage}`,
          body: `Your visa case has been at ${stage} for ${STUCK_CASE_DAYS} days. Check what is still needed or contact your consultant to keep it moving.`,
          data: { kind: "visa_stage_stuck", applicationId: stuck.id, stage: stuck.currentStage },
          dedupeKey: `reminder:visa:${stuck.id}:${stuck.stageEnteredAt.toISOString()}`,
        });
        return true;
      });
      if (sent) reminded += 1;
    }
    if (cases.length < BATCH) return reminded;
  }
}
