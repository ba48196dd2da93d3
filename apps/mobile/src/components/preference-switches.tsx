import { NOTIFICATION_CHANNELS, NOTIFICATION_TYPE_VALUES } from "@referral-app/shared/constants";
import type { NotificationPreferences, UpdatePreferencesData } from "@referral-app/shared/schemas/user";
import { useTranslation } from "react-i18next";
import { StyleSheet, Switch, View } from "react-native";
import { AppText } from "./app-text";

export interface PreferenceSwitchesProps {
  value: NotificationPreferences;
  onChange: (update: UpdatePreferencesData) => void;
}

/** One switch per notification type × channel (in app, email, push). */
export function PreferenceSwitches({ value, onChange }: PreferenceSwitchesProps) {
  const { t } = useTranslation();
  return (
    <View style={styles.table}>
      {NOTIFICATION_TYPE_VALUES.map((type) => (
        <View key={type} style={styles.group}>
          <AppText variant="heading">{t(`profile.types.${type}`)}</AppText>
          {NOTIFICATION_CHANNELS.map((channel) => {
            const label = t("profile.switchLabel", {
              type: t(`profile.types.${type}`),
              channel: t(`profile.channels.${channel}`),
            });
            return (
              <View key={channel} style={styles.row}>
                <AppText style={styles.grow}>{t(`profile.channels.${channel}`)}</AppText>
                <Switch
                  accessibilityLabel={label}
                  value={value[type][channel]}
                  onValueChange={(enabled) => onChange({ notifications: { [type]: { [channel]: enabled } } })}
                />
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  table: { gap: 16 },
  group: { gap: 4 },
  row: { flexDirection: "row", alignItems: "center", minHeight: 44 },
  grow: { flex: 1 },
});
