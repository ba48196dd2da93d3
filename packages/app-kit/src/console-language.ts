import { LANGUAGES, type Language } from "@referral-app/shared/constants";

// The consoles choose their language once, before any page module runs: their words live in plain
// objects that column definitions and helpers read at module load. Switching stores the choice (and the
// profile's preference) and reloads, so every module reads the new words; the profile's saved language
// wins once per browser session, as in the client app.

let active: Language = "en";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the console's words are in right now (dates, numbers, plurals and countries follow it). */
export function consoleLanguage(): Language {
  return active;
}

/** Marks the words and the page as being in `language`; the app calls it after loading its strings. */
export function setConsoleLanguage(language: Language): void {
  active = language;
  if (typeof document !== "undefined") document.documentElement.lang = language;
}

/** The stored choice, else the browser's language when supported, else English. */
export function storedLanguage(storageKey: string): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage blocked: fall through to the browser's language.
  }
  const browser = typeof navigator === "undefined" ? "en" : navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : "en";
}

const SYNCED_KEY = "referral-app.language-synced";

/** Whether this browser session already adopted `userId`'s saved language (or chose its own). */
export function languageSyncedFor(userId: string): boolean {
  try {
    return window.sessionStorage.getItem(SYNCED_KEY) === userId;
  } catch {
    return true;
  }
}

export function markLanguageSynced(userId: string): void {
  try {
    window.sessionStorage.setItem(SYNCED_KEY, userId);
  } catch {
    // Without session storage the profile's language is simply not re-applied.
  }
}

/** Stores `language` and reloads the page in it. */
export function switchLanguage(storageKey: string, language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Not remembered locally; the profile still carries it for a signed-in user.
  }
  if (language !== active) window.location.reload();
}
