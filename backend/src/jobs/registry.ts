import { purgeAnalyticsEventsJob } from "../modules/analytics/analytics.jobs.ts";
import { remindOverdueTasksJob } from "../modules/cases/cases.jobs.ts";
import { documentExpiryRemindersJob } from "../modules/documents/documents.jobs.ts";
import { moveFilesToStorageJob } from "../modules/files/files.jobs.ts";
import { remindOverdueInvoicesJob } from "../modules/invoices/invoices.jobs.ts";
import { unansweredSupportSummaryJob, unreadDigestsJob } from "../modules/messages/messages.jobs.ts";
import { broadcastFanOutJob } from "../modules/notifications/broadcasts.jobs.ts";
import {
  deliverNotificationJob,
  purgeDevMailboxJob,
  sendEmailJob,
} from "../modules/notifications/notifications.jobs.ts";
import { sendRemindersJob } from "../modules/notifications/reminders.jobs.ts";
import {
  applyRetentionJob,
  buildDataExportJob,
  eraseDueAccountsJob,
} from "../modules/privacy/privacy.jobs.ts";
import { purgeIdempotencyKeysJob } from "../modules/referrals/referrals.jobs.ts";
import type { AnyJob } from "../queue/job.ts";

/** Every job the worker runs, recurring ones included (their cron is on the definition). Add a module's jobs here. */
export const JOBS: readonly AnyJob[] = [
  sendEmailJob,
  deliverNotificationJob,
  broadcastFanOutJob,
  sendRemindersJob,
  purgeIdempotencyKeysJob,
  remindOverdueTasksJob,
  purgeDevMailboxJob,
  purgeAnalyticsEventsJob,
  buildDataExportJob,
  eraseDueAccountsJob,
  applyRetentionJob,
  documentExpiryRemindersJob,
  moveFilesToStorageJob,
  remindOverdueInvoicesJob,
  unreadDigestsJob,
  unansweredSupportSummaryJob,
];
