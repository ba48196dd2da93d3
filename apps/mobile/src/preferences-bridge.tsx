import { useProfile, useSession } from "@referral-app/api-client/react";
import type { Theme } from "@referral-app/shared/constants";
import { type ReactNode, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ThemeProvider } from "./theme/theme-context";

/** Applies the signed-in user's saved theme and language to the whole app. */
export function PreferencesBridge({ children }: { children: ReactNode }) {
  const session = useSession();
  const [theme, setTheme] = useState<Theme>("auto");
  return (
    <ThemeProvider preference={theme}>
      {session.data ? <SyncFromProfile onTheme={setTheme} /> : null}
      {children}
    </ThemeProvider>
  );
}

function SyncFromProfile({ onTheme }: { onTheme: (theme: Theme) => void }) {
  const { data: profile } = useProfile();
  const { i18n } = useTranslation();
  const theme = profile?.preferences.theme;
  const language = profile?.preferences.language;

  useEffect(() => {
    if (theme) onTheme(theme);
  }, [theme, onTheme]);

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
  }, [language, i18n]);

  return null;
}
