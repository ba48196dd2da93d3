import type { ReactNode } from "react";
import { StyleSheet, View } from "react-native";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";

export function Card({ title, children }: { title?: string; children: ReactNode }) {
  const { palette } = useTheme();
  return (
    <View style={[styles.card, { backgroundColor: palette.surface, borderColor: palette.border }]}>
      {title ? (
        <AppText variant="heading" accessibilityRole="header">
          {title}
        </AppText>
      ) : null}
      {children}
    </View>
  );
}

const styles = StyleSheet.create({
  card: { borderWidth: 1, borderRadius: 12, padding: 16, gap: 12 },
});
