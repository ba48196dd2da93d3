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
      return isReferralStatus(data.status)
        ? interpolate(titles.referral, { status: words.referralStatus[data.status] })
        : notification.title;
    case "reward":
      return isRewardStatus(data.status)
        ? interpolate(titles.reward, { status: words.rewardStatus[data.status] })
        : notification.title;
    case "referral_pending":
      return titles.referral_pending;
    case "case_task_overdue":
      return titles.case_task_overdue;
    case "case": {
      const key = `case_${String(data.change)}` as keyof Titles;
      const template = typeof data.caseNumber === "string" ? titles[key] : undefined;
      return template ? interpolate(template, { number: data.caseNumber as string }) : notification.title;
    }
    default:
      return notification.title;
  }
}
