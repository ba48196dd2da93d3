import { useReferrals } from "@referral-app/api-client/react";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { TruncatedText } from "@referral-app/ui/truncated-text";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/use-format.ts";
import { rewardStatusWords } from "../referrals/reward-words.ts";
import { useOffer } from "../referrals/use-offer.ts";

/** Each reward with where it stands and its date: held until…, approved, paid on…. */
export function RewardsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const offer = useOffer();
  // Only converted referrals carry a reward.
  const converted = useReferrals({ status: "converted", limit: 5 });
  const rows = (converted.data?.data ?? []).filter((referral) => referral.reward);
  return (
    <Card title={t("rewards.title")}>
      {!converted.data ? (
        <SkeletonList label={t("app.loading")} lines={3} />
      ) : rows.length === 0 ? (
        <p className="text-sm text-muted">
          {offer.amount ? t("rewards.none", { amount: offer.amount }) : null}
        </p>
      ) : (
        <ul aria-label={t("rewards.listLabel")} className="divide-y divide-border">
          {rows.map((referral) => {
            const reward = referral.reward!;
            return (
              <li key={referral.id} className="flex items-start justify-between gap-3 py-2.5 text-sm">
                <TruncatedText text={referral.fullName} lines={1} className="min-w-0 font-medium" />
                <span className="shrink-0 text-right">
                  <span className="block font-semibold">
                    {format.money(reward.amountMinor, reward.currency)}
                  </span>
                  <span className="block text-xs text-muted">{rewardStatusWords(reward, t, format)}</span>
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
