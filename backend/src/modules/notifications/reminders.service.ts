import { VISA_STAGES, type VisaStageId } from "@referral-app/shared/constants";
import type { AppContext } from "../../context.ts";
import { enqueueNotification } from "./notifications.service.ts";
import {
  findUnescalatedOverdueReferrals,
  findUnremindedStuckCases,
  listAdminIds,
  markCaseReminded,
  markReferralEscalated,
} from "./reminders.repository.ts";

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
    referrals: await escalateOverdueReferrals(ctx, now),
    cases: await remindClientsOfStuckCases(ctx, now),
  };
}

/**
 * A referral still pending past its contact deadline escalates to the admins, once; the staff
 * pipeline shows it as overdue and the referrer reads "Taking longer than usual".
 */
async function escalateOverdueReferrals(ctx: AppContext, now: Date): Promise<number> {
  const adminIds = await listAdminIds(ctx.db);
  // Nobody to tell: leave the referrals unmarked so the first admin hears about them.
  if (adminIds.length === 0) return 0;
  let escalated = 0;
  for (;;) {
    const overdue = await findUnescalatedOverdueReferrals(ctx.db, now, BATCH);
    for (const referral of overdue) {
      const sent = await ctx.db.transaction(async (tx) => {
        if (!(await markReferralEscalated(tx, referral.id, now))) return false;
        for (const adminId of adminIds) {
          await enqueueNotification(ctx, tx, {
            userId: adminId,
            type: "reminder",
            title: "Referral not contacted in time",
            body: `${referral.fullName} should have been contacted by ${referral.contactBy.toISOString().slice(0, 10)} and is still pending. Contact them or update the status.`,
            data: { kind: "referral_pending", referralId: referral.id },
            dedupeKey: `reminder:referral:${referral.id}:${adminId}`,
          });
        }
        return true;
      });
      if (sent) escalated += 1;
    }
    if (overdue.length < BATCH) return escalated;
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
          message: {
            key: "case.stuck_reminder",
            params: { stage: stuck.currentStage, days: String(STUCK_CASE_DAYS) },
          },
          data: {
            kind: "visa_stage_stuck",
            applicationId: stuck.id,
            caseId: stuck.id,
            stage: stuck.currentStage,
          },
          dedupeKey: `reminder:visa:${stuck.id}:${stuck.stageEnteredAt.toISOString()}`,
        });
        return true;
      });
      if (sent) reminded += 1;
    }
    if (cases.length < BATCH) return reminded;
  }
}
