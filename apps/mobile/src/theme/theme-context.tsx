import type { Theme } from "@referral-app/shared/constants";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { useColorScheme } from "react-native";
import { darkPalette, lightPalette, type Palette } from "./palette";

export interface ThemeValue {
  scheme: "light" | "dark";
  palette: Palette;
}

const ThemeContext = createContext<ThemeValue>({ scheme: "light", palette: lightPalette });

/** Applies the user's theme preference; `auto` follows the device. */
export function ThemeProvider({ preference, children }: { preference: Theme; children: ReactNode }) {
  const device = useColorScheme();
  const scheme = preference === "auto" ? (device === "dark" ? "dark" : "light") : preference;
  const value = useMemo<ThemeValue>(
    () => ({ scheme, palette: scheme === "dark" ? darkPalette : lightPalette }),
    [scheme],
  );
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeValue {
  return useContext(ThemeContext);
}
