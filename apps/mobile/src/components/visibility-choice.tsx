import { REFERRER_VISIBILITY_LEVELS, type ReferrerVisibilityLevel } from "@referral-app/shared/constants";
import { useTranslation } from "react-i18next";
import { Pressable, StyleSheet, View } from "react-native";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";

/**
 * The four referrer-visibility levels as a radio list, each with a line on what the referrer then
 * sees (the sign-up form's choice; the web's VisibilityChoice). Stacked: the hints need the width.
 */
export function VisibilityChoice({
  legend,
  value,
  onChange,
}: {
  legend: string;
  value: ReferrerVisibilityLevel;
  onChange: (level: ReferrerVisibilityLevel) => void;
}) {
  const { t } = useTranslation();
  const { palette } = useTheme();
  return (
    <View accessibilityRole="radiogroup" accessibilityLabel={legend} style={styles.group}>
      <AppText variant="heading">{legend}</AppText>
      {REFERRER_VISIBILITY_LEVELS.map((level) => {
        const selected = level === value;
        return (
          <Pressable
            key={level}
            accessibilityRole="radio"
            accessibilityState={{ checked: selected }}
            accessibilityLabel={t(`privacy.levels.${level}`)}
            accessibilityHint={t(`privacy.levelHints.${level}`)}
            onPress={() => onChange(level)}
            style={[styles.option, { borderColor: selected ? palette.primary : palette.border }]}
          >
            <View style={[styles.dot, { borderColor: palette.primary }]}>
              {selected ? <View style={[styles.fill, { backgroundColor: palette.primary }]} /> : null}
            </View>
            <View style={styles.words}>
              <AppText style={styles.label}>{t(`privacy.levels.${level}`)}</AppText>
              <AppText variant="small">{t(`privacy.levelHints.${level}`)}</AppText>
            </View>
          </Pressable>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  group: { gap: 8 },
  option: {
    flexDirection: "row",
    alignItems: "center",
    gap: 12,
    minHeight: 44,
    padding: 12,
    borderWidth: 1,
    borderRadius: 10,
  },
  dot: {
    width: 20,
    height: 20,
    borderRadius: 10,
    borderWidth: 2,
    alignItems: "center",
    justifyContent: "center",
  },
  fill: { width: 10, height: 10, borderRadius: 5 },
  words: { flex: 1, gap: 2 },
  label: { fontWeight: "600" },
});
