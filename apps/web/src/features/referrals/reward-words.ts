import type { ReferralReward } from "@referral-app/shared/schemas/referral";
import type { TFunction } from "i18next";
import type { useFormat } from "../../i18n/use-format.ts";

/**
 * The one reward vocabulary: pending, held until a date, approved, paid (with its date), reversed.
 * A pending reward still inside its holding period says until when.
 */
export function rewardStatusWords(
  reward: ReferralReward,
  t: TFunction,
  format: ReturnType<typeof useFormat>,
  now = Date.now(),
): string {
  if (reward.status === "pending" && new Date(reward.availableAt).getTime() > now)
    return t("rewards.status.held", { date: format.date(reward.availableAt) });
  if (reward.status === "paid") return `${t("rewards.status.paid")} · ${format.date(reward.updatedAt)}`;
  return t(`rewards.status.${reward.status}`);
}
