import type { Theme } from "@referral-app/shared/constants";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";

export type ResolvedTheme = "light" | "dark";

export const THEME_STORAGE_KEY = "referral-app.theme";
const DARK_QUERY = "(prefers-color-scheme: dark)";

interface ThemeContextValue {
  /** What the user chose: light, dark or auto (follow the system). */
  theme: Theme;
  /** What is on screen now. */
  resolvedTheme: ResolvedTheme;
  setTheme: (theme: Theme) => void;
}

const ThemeContext = createContext<ThemeContextValue | null>(null);

function systemPrefersDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia(DARK_QUERY).matches
    : false;
}

export function resolveTheme(theme: Theme, prefersDark: boolean): ResolvedTheme {
  if (theme === "auto") return prefersDark ? "dark" : "light";
  return theme;
}

/** Sets `class="dark"`, `data-theme` and `color-scheme` on <html>, which the CSS tokens follow. */
export function applyTheme(resolved: ResolvedTheme, root: HTMLElement = document.documentElement): void {
  root.classList.toggle("dark", resolved === "dark");
  root.dataset.theme = resolved;
  root.style.colorScheme = resolved;
}

function readStoredTheme(storageKey: string): Theme | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return value === "light" || value === "dark" || value === "auto" ? value : null;
  } catch {
    // Storage can be blocked (private mode, sandboxed frames); the default then applies.
    return null;
  }
}

export interface ThemeProviderProps {
  children: ReactNode;
  defaultTheme?: Theme;
  /** Where the choice survives reloads; pass null to keep it in memory only. */
  storageKey?: string | null;
  /** Called when the user changes the theme (e.g. to save it in their profile). */
  onThemeChange?: (theme: Theme) => void;
}

export function ThemeProvider({
  children,
  defaultTheme = "auto",
  storageKey = THEME_STORAGE_KEY,
  onThemeChange,
}: ThemeProviderProps) {
  const [theme, setThemeState] = useState<Theme>(
    () => (storageKey ? readStoredTheme(storageKey) : null) ?? defaultTheme,
  );
  const [prefersDark, setPrefersDark] = useState(systemPrefersDark);
  const resolvedTheme = resolveTheme(theme, prefersDark);

  useEffect(() => {
    if (typeof window.matchMedia !== "function") return;
    const query = window.matchMedia(DARK_QUERY);
    const onChange = (event: MediaQueryListEvent) => setPrefersDark(event.matches);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);

  useEffect(() => applyTheme(resolvedTheme), [resolvedTheme]);

  const setTheme = useCallback(
    (next: Theme) => {
      setThemeState(next);
      if (storageKey) {
        try {
          window.localStorage.setItem(storageKey, next);
        } catch {
          // Not persisted; the theme still applies for this visit.
        }
      }
      onThemeChange?.(next);
    },
    [storageKey, onThemeChange],
  );

  const value = useMemo(() => ({ theme, resolvedTheme, setTheme }), [theme, resolvedTheme, setTheme]);
  return <ThemeContext value={value}>{children}</ThemeContext>;
}

export function useTheme(): ThemeContextValue {
  const context = useContext(ThemeContext);
  if (!context) throw new Error("useTheme must be used inside <ThemeProvider>");
  return context;
}
