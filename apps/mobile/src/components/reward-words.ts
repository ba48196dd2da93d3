import { formatDate } from "@referral-app/shared/formatting";
import type { ReferralReward } from "@referral-app/shared/schemas/referral";
import type { TFunction } from "i18next";

/**
 * The one reward vocabulary, as on the web: pending, held until a date, approved, paid (with its date),
 * credited, reversed. A pending reward still inside its holding period says until when.
 */
export function rewardStatusWords(
  reward: ReferralReward,
  t: TFunction,
  locale: string,
  now = Date.now(),
): string {
  const day = (iso: string) => formatDate(iso, locale, { day: "numeric", month: "long", year: "numeric" });
  if (reward.status === "pending" && new Date(reward.availableAt).getTime() > now)
    return t("referrals.reward.held", { date: day(reward.availableAt) });
  if (reward.status === "paid") return t("referrals.reward.paidOn", { date: day(reward.updatedAt) });
  return t(`referrals.reward.${reward.status}`);
}
