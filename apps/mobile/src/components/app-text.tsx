import { StyleSheet, Text, type TextProps } from "react-native";
import { useTheme } from "../theme/theme-context";

type Variant = "title" | "heading" | "body" | "muted" | "small";

export function AppText({ variant = "body", style, ...props }: TextProps & { variant?: Variant }) {
  const { palette } = useTheme();
  const color = variant === "muted" || variant === "small" ? palette.muted : palette.text;
  return <Text {...props} style={[styles[variant], { color }, style]} />;
}

const styles = StyleSheet.create({
  title: { fontSize: 26, fontWeight: "700" },
  heading: { fontSize: 18, fontWeight: "600" },
  body: { fontSize: 16 },
  muted: { fontSize: 15 },
  small: { fontSize: 13 },
});
