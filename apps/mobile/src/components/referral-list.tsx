import { formatDate } from "@referral-app/shared/formatting";
import type { Referral } from "@referral-app/shared/schemas/referral";
import { useTranslation } from "react-i18next";
import { Pressable, StyleSheet, View } from "react-native";
import { localeFor } from "../i18n/i18n";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";
import { Card } from "./card";
import { FriendProgressText } from "./friend-progress-text";
import { StatusBadge } from "./status-badge";

export interface ReferralListProps {
  referrals: readonly Referral[];
  onOpen: (id: string) => void;
}

export function ReferralList({ referrals, onOpen }: ReferralListProps) {
  const { t, i18n } = useTranslation();
  const { palette } = useTheme();
  return (
    <Card title={t("referrals.list")}>
      {referrals.length === 0 ? <AppText variant="muted">{t("referrals.empty")}</AppText> : null}
      {referrals.map((referral) => (
        <Pressable
          key={referral.id}
          accessibilityRole="button"
          accessibilityLabel={`${referral.fullName}, ${t(`referrals.status.${referral.status}`)}`}
          onPress={() => onOpen(referral.id)}
          style={[styles.row, { borderColor: palette.border }]}
        >
          <View style={styles.main}>
            <AppText>{referral.fullName}</AppText>
            <AppText variant="small">
              {`${referral.email} · ${formatDate(referral.createdAt, localeFor(i18n.language))}`}
            </AppText>
            <FriendProgressText referral={referral} />
          </View>
          <StatusBadge status={referral.status} />
        </Pressable>
      ))}
    </Card>
  );
}

const styles = StyleSheet.create({
  row: {
    flexDirection: "row",
    alignItems: "center",
    gap: 12,
    paddingVertical: 10,
    borderTopWidth: StyleSheet.hairlineWidth,
  },
  main: { flex: 1, gap: 2 },
});
