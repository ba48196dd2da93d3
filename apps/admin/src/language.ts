import { setConsoleLanguage, storedLanguage } from "@referral-app/app-kit/console-language";
import { setStrings } from "./strings.ts";

export const LANGUAGE_STORAGE_KEY = "referral-app.admin.language";

/** Loads the stored language's words before any page module runs (English is bundled; Spanish is its own chunk). */
export async function applyStoredLanguage(): Promise<void> {
  const language = storedLanguage(LANGUAGE_STORAGE_KEY);
  if (language === "es") setStrings((await import("./locales/es.ts")).es);
  setConsoleLanguage(language);
}
