import { useProfile } from "@referral-app/api-client/react";
import { useTheme } from "@referral-app/ui/theme";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** When a profile first loads on this device, its saved theme and language win over local defaults. */
export function usePreferenceSync() {
  const profile = useProfile();
  const { setTheme } = useTheme();
  const { i18n } = useTranslation();
  const syncedFor = useRef<string | null>(null);
  useEffect(() => {
    const data = profile.data;
    if (!data || syncedFor.current === data.id) return;
    syncedFor.current = data.id;
    setTheme(data.preferences.theme);
    if (i18n.language !== data.preferences.language) void i18n.changeLanguage(data.preferences.language);
  }, [profile.data, setTheme, i18n]);
}
