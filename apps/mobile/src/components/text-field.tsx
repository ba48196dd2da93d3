import { StyleSheet, TextInput, type TextInputProps, View } from "react-native";
import { useTheme } from "../theme/theme-context";
import { AppText } from "./app-text";

export interface TextFieldProps extends Omit<TextInputProps, "onChangeText" | "value"> {
  label: string;
  value: string;
  onChangeText: (value: string) => void;
  error?: string | undefined;
}

/** A labelled input; the label is also the accessible name, so screen readers and tests find it. */
export function TextField({ label, value, onChangeText, error, ...props }: TextFieldProps) {
  const { palette } = useTheme();
  return (
    <View style={styles.field}>
      <AppText variant="small">{label}</AppText>
      <TextInput
        {...props}
        accessibilityLabel={label}
        accessibilityHint={error}
        value={value}
        onChangeText={onChangeText}
        placeholderTextColor={palette.muted}
        style={[
          styles.input,
          { color: palette.text, borderColor: error ? palette.danger : palette.border },
          { backgroundColor: palette.surface },
        ]}
      />
      {error ? (
        <AppText variant="small" style={{ color: palette.danger }} accessibilityRole="alert">
          {error}
        </AppText>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  field: { gap: 4 },
  input: { minHeight: 48, borderWidth: 1, borderRadius: 8, paddingHorizontal: 12, fontSize: 16 },
});
