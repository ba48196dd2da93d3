import { REFERRAL_STATUS_VALUES, type ReferralStatus } from "@referral-app/shared/constants";
import { BarChart } from "@referral-app/ui/charts";
import { useTranslation } from "react-i18next";

/** Referrals per status as bars (lazy chunk with recharts). */
export function ReferralStatusChart({ byStatus }: { byStatus: Record<ReferralStatus, number> }) {
  const { t } = useTranslation();
  const data = REFERRAL_STATUS_VALUES.map((status) => ({
    status: t(`referrals.status.${status}`),
    count: byStatus[status],
  }));
  return (
    <BarChart
      title={t("referrals.stats.chartTitle")}
      data={data}
      xKey="status"
      series={[{ key: "count", label: t("referrals.stats.count") }]}
      emptyLabel={t("empty.chart")}
    />
  );
}
