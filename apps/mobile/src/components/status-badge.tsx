import type { ReferralStatus } from "@referral-app/shared/constants";
import { useTranslation } from "react-i18next";
import { StyleSheet, Text, View } from "react-native";
import type { Palette } from "../theme/palette";
import { useTheme } from "../theme/theme-context";

function toneFor(status: ReferralStatus, palette: Palette): string {
  if (status === "converted") return palette.success;
  if (status === "rejected") return palette.danger;
  if (status === "pending") return palette.muted;
  return palette.primary;
}

export function StatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  const { palette } = useTheme();
  const color = toneFor(status, palette);
  return (
    <View style={[styles.badge, { borderColor: color }]}>
      <Text style={[styles.text, { color }]}>{t(`referrals.status.${status}`)}</Text>
    </View>
  );
}

const styles = StyleSheet.create({
  badge: {
    borderWidth: 1,
    borderRadius: 999,
    paddingHorizontal: 10,
    paddingVertical: 2,
    alignSelf: "flex-start",
  },
  text: { fontSize: 13, fontWeight: "600" },
});
