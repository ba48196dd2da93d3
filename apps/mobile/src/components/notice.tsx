import { StyleSheet, View } from "react-native";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";

/** A status line announced to screen readers (success, offline, error). */
export function Notice({ tone, message }: { tone: "success" | "warning" | "danger"; message: string }) {
  const { palette } = useTheme();
  return (
    <View
      accessible
      accessibilityRole="alert"
      accessibilityLiveRegion="polite"
      style={[styles.notice, { borderColor: palette[tone] }]}
    >
      <AppText style={{ color: palette[tone] }}>{message}</AppText>
    </View>
  );
}

const styles = StyleSheet.create({
  notice: { borderLeftWidth: 4, paddingVertical: 8, paddingHorizontal: 12 },
});
