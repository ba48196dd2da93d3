import { broadcastFanOutJob } from "../modules/admin/broadcasts.jobs.ts";
import { remindOverdueTasksJob } from "../modules/cases/cases.jobs.ts";
import { deliverNotificationJob, sendEmailJob } from "../modules/notifications/notifications.jobs.ts";
import { sendRemindersJob } from "../modules/notifications/reminders.jobs.ts";
import { purgeIdempotencyKeysJob } from "../modules/referrals/referrals.jobs.ts";
import type { JobDefinition } from "./job.ts";

/** Every job the worker runs. Add a module's jobs here. */
export const JOBS: readonly JobDefinition<never>[] = [
  sendEmailJob,
  deliverNotificationJob,
  broadcastFanOutJob,
  sendRemindersJob,
  purgeIdempotencyKeysJob,
  remindOverdueTasksJob,
] as unknown as JobDefinition<never>[];
