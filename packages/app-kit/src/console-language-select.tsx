import { useProfile, useSession, useUpdateProfile } from "@referral-app/api-client/react";
import { LANGUAGES, type Language } from "@referral-app/shared/constants";
import { Select } from "@referral-app/ui/form";
import { useEffect, useId } from "react";
import {
  consoleLanguage,
  isLanguage,
  languageSyncedFor,
  markLanguageSynced,
  switchLanguage,
} from "./console-language.ts";
import { useConsole } from "./console-providers.tsx";

/** English / Español, saved to the signed-in user's preferences like the client app's switch. */
export function ConsoleLanguageSelect() {
  const { strings, languageStorageKey } = useConsole();
  const session = useSession();
  const update = useUpdateProfile();
  const id = useId();

  async function choose(language: Language) {
    const userId = session.data?.user.id;
    if (userId) {
      markLanguageSynced(userId);
      // Saved before the reload so the choice follows the user to other devices; a failure still switches here.
      await update.mutateAsync({ preferences: { language } }).catch(() => undefined);
    }
    switchLanguage(languageStorageKey, language);
  }

  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {strings.language.label}
      </label>
      <Select
        id={id}
        value={consoleLanguage()}
        disabled={update.isPending}
        className="h-9 w-auto"
        onChange={(event) => {
          if (isLanguage(event.target.value)) void choose(event.target.value);
        }}
      >
        {LANGUAGES.map((value) => (
          // Each language is named in itself, so it is findable whatever language is on screen.
          <option key={value} value={value} lang={value}>
            {strings.language[value]}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** Once per browser session, a signed-in user's saved language wins over this device's default. */
export function useConsoleLanguageSync() {
  const { languageStorageKey } = useConsole();
  const profile = useProfile();
  useEffect(() => {
    const data = profile.data;
    if (!data || languageSyncedFor(data.id)) return;
    markLanguageSynced(data.id);
    if (data.preferences.language !== consoleLanguage()) {
      switchLanguage(languageStorageKey, data.preferences.language);
    }
  }, [profile.data, languageStorageKey]);
}
