import { LANGUAGES, type Language } from "@referral-app/shared/constants";

// Free of i18next: the signed-out pages read and store the language with these alone.
export const LANGUAGE_STORAGE_KEY = "referral-app.language";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The stored choice, else the browser's language when supported, else English. */
export function detectLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage blocked: fall through to the browser language.
  }
  const browser = typeof navigator === "undefined" ? "en" : navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : "en";
}

/** Marks the page's language and remembers it for the next visit. */
export function rememberLanguage(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Not persisted; the profile still remembers it for signed-in users.
  }
}
