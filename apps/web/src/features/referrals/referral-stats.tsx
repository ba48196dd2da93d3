import { useReferralStats } from "@referral-app/api-client/react";
import { FEATURE_FLAGS } from "@referral-app/shared/constants";
import { Card } from "@referral-app/ui/card";
import { SkeletonList } from "@referral-app/ui/skeleton";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { FeatureToggle } from "../../components/feature-toggle.tsx";
import { useFormat } from "../../i18n/use-format.ts";

// recharts is large: its chunk loads only when the analytics feature is on and the stats are shown.
const ReferralStatusChart = lazy(() =>
  import("./referral-status-chart.tsx").then((module) => ({ default: module.ReferralStatusChart })),
);

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="rounded-lg border border-border p-4">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold">{children}</dd>
    </div>
  );
}

export function ReferralStats() {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useReferralStats();
  const data = stats.data;
  if (!data) return <SkeletonList label={t("referrals.stats.loading")} />;
  const rewards =
    data.rewards.length > 0 ? data.rewards : [{ currency: "USD", earnedMinor: 0, pendingMinor: 0 }];
  return (
    <div className="space-y-6">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label={t("referrals.stats.total")}>{format.number(data.total)}</Stat>
        <Stat label={t("referrals.stats.conversionRate")}>{format.percent(data.conversionRate)}</Stat>
        <Stat label={t("referrals.stats.earned")}>
          {rewards.map((reward) => (
            <span key={reward.currency} className="block">
              {format.money(reward.earnedMinor, reward.currency)}
            </span>
          ))}
        </Stat>
        <Stat label={t("referrals.stats.pending")}>
          {rewards.map((reward) => (
            <span key={reward.currency} className="block">
              {format.money(reward.pendingMinor, reward.currency)}
            </span>
          ))}
        </Stat>
      </dl>
      <FeatureToggle feature={FEATURE_FLAGS.REFERRAL_ANALYTICS}>
        <Card data-testid="referral-analytics">
          <Suspense fallback={<SkeletonList label={t("app.loading")} />}>
            <ReferralStatusChart byStatus={data.byStatus} />
          </Suspense>
        </Card>
      </FeatureToggle>
    </div>
  );
}
