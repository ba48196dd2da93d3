import { formatCurrency } from "@referral-app/shared/formatting";
import type { ReferralStats } from "@referral-app/shared/schemas/referral";
import { useTranslation } from "react-i18next";
import { StyleSheet, View } from "react-native";
import { localeFor } from "../i18n/i18n";
import { AppText } from "./app-text";
import { Card } from "./card";

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <View
      style={styles.stat}
      accessible
      accessibilityLabel={hint ? `${label}: ${value}. ${hint}` : `${label}: ${value}`}
    >
      <AppText variant="heading">{value}</AppText>
      <AppText variant="small">{label}</AppText>
      {hint ? <AppText variant="muted">{hint}</AppText> : null}
    </View>
  );
}

/** Counts and rewards, earned and pending apart in the shared reward words; money comes in minor units and is formatted by the shared formatCurrency. */
export function ReferralStatsCard({ stats }: { stats: ReferralStats }) {
  const { t, i18n } = useTranslation();
  const locale = localeFor(i18n.language);
  return (
    <Card title={t("referrals.stats")}>
      <View style={styles.row}>
        <Stat label={t("referrals.total")} value={String(stats.total)} />
        <Stat label={t("referrals.converted")} value={String(stats.byStatus.converted)} />
      </View>
      {stats.rewards.map((reward) => (
        <View key={reward.currency} style={styles.row}>
          <Stat
            label={t("referrals.earned")}
            hint={t("referrals.earnedHint")}
            value={formatCurrency(reward.earnedMinor, reward.currency, locale)}
          />
          <Stat
            label={t("referrals.pending")}
            hint={t("referrals.pendingHint")}
            value={formatCurrency(reward.pendingMinor, reward.currency, locale)}
          />
        </View>
      ))}
    </Card>
  );
}

const styles = StyleSheet.create({
  row: { flexDirection: "row", gap: 12 },
  stat: { flex: 1, gap: 2 },
});
