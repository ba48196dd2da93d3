import {
  REFERRAL_STATUS_VALUES,
  REWARD_STATUSES,
  type ReferralStatus,
  type RewardStatus,
} from "@referral-app/shared/constants";
import { interpolate } from "./format.ts";
import { sharedStrings } from "./resources.ts";

// A notification's text is written once, when it is sent, in the recipient's language then. Its data
// says what it is about (`kind`, a status, a case number), so its title can be said again in the
// language on screen now: switching language changes the list too, not only the new ones.

type Titles = (typeof sharedStrings)["en"]["notificationTitle"];

const isReferralStatus = (value: unknown): value is ReferralStatus =>
  (REFERRAL_STATUS_VALUES as readonly unknown[]).includes(value);
const isRewardStatus = (value: unknown): value is RewardStatus =>
  (REWARD_STATUSES as readonly unknown[]).includes(value);

const CASE_TITLES: Record<string, (titles: Titles) => string> = {
  opened: (titles) => titles.case_opened,
  outcome_decided: (titles) => titles.case_outcome_decided,
  reopened: (titles) => titles.case_reopened,
  consultant_assigned: (titles) => titles.case_consultant_assigned,
  note_added: (titles) => titles.case_note_added,
  task_created: (titles) => titles.case_task_created,
  task_completed: (titles) => titles.case_task_completed,
};

/** The title in `language` when the data says enough; otherwise the title as it was sent. */
export function notificationTitle(
  notification: { title: string; data: Record<string, unknown> | null },
  language: string,
): string {
  const words = sharedStrings[language as keyof typeof sharedStrings] ?? sharedStrings.en;
  const data = notification.data ?? {};
  const titles: Titles = words.notificationTitle;
  switch (data.kind) {
    case "referral":
      // A status change carries where it came from; "received" and "joined" notices do not, and stay as sent.
      return isReferralStatus(data.status) && isReferralStatus(data.fromStatus)
        ? titles.referral[data.status]
        : notification.title;
    case "reward":
      return isRewardStatus(data.status) ? titles.reward[data.status] : notification.title;
    case "referral_pending":
      return titles.referral_pending;
    case "case_task_overdue":
      return titles.case_task_overdue;
    case "case": {
      // A stage change's title names the new stage, which its data does not carry: it stays as sent.
      const template = CASE_TITLES[String(data.change)]?.(titles);
      return template && typeof data.caseNumber === "string"
        ? interpolate(template, { number: data.caseNumber })
        : notification.title;
    }
    default:
      return notification.title;
  }
}
