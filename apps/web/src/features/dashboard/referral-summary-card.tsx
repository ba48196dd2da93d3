import { useReferralStats } from "@referral-app/api-client/react";
import { buttonClasses } from "@referral-app/ui/button";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/use-format.ts";

export function ReferralSummaryCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useReferralStats();
  const data = stats.data;
  return (
    <Card
      title={t("dashboard.referralsTitle")}
      actions={
        <Link to="/referrals" className={buttonClasses({ size: "sm" })}>
          {t("dashboard.referCta")}
        </Link>
      }
    >
      {data ? (
        <dl className="grid grid-cols-3 gap-3">
          <div>
            <dt className="text-xs text-muted">{t("dashboard.referred")}</dt>
            <dd className="text-2xl font-semibold">{format.number(data.total)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted">{t("dashboard.converted")}</dt>
            <dd className="text-2xl font-semibold">{format.number(data.byStatus.converted)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted">{t("dashboard.earned")}</dt>
            <dd className="text-lg font-semibold">
              {data.rewards.length > 0
                ? data.rewards.map((reward) => (
                    <span key={reward.currency} className="block">
                      {format.money(reward.earnedMinor, reward.currency)}
                    </span>
                  ))
                : format.money(0, "USD")}
            </dd>
          </div>
        </dl>
      ) : (
        <SkeletonList label={t("app.loading")} lines={2} />
      )}
      <Link to="/referrals?tab=list" className="mt-4 inline-block text-sm text-brand hover:underline">
        {t("dashboard.seeAll")}
      </Link>
    </Card>
  );
}
