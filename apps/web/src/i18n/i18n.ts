import { LANGUAGES, type Language } from "@referral-app/shared/constants";
import i18next, { type BackendModule, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./locales/en.ts";

export const LANGUAGE_STORAGE_KEY = "referral-app.language";

// English ships in the entry chunk; other languages are their own chunks, fetched when chosen.
const loaders: Record<Exclude<Language, "en">, () => Promise<Record<string, unknown>>> = {
  es: () => import("./locales/es.ts").then((module) => module.es),
};

const lazyLocales: BackendModule = {
  type: "backend",
  init() {},
  read(language, _namespace, callback) {
    const load = loaders[language as keyof typeof loaders];
    if (!load) return callback(null, {});
    load().then(
      (resources) => callback(null, resources),
      (error: Error) => callback(error, null),
    );
  },
};

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

/** The BCP 47 locale used for dates and money in each language. */
export function localeFor(language: string): string {
  return language === "es" ? "es-ES" : "en-US";
}

/**
 * A ready-to-use i18next instance: English is bundled, so it is usable at once (tests render with it
 * synchronously); `ready` settles once a lazily loaded language has arrived.
 */
export function initI18n(language: Language = detectLanguage()): { i18n: I18n; ready: Promise<unknown> } {
  const instance = i18next.createInstance();
  instance.on("languageChanged", (lng) => {
    document.documentElement.lang = lng;
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lng);
    } catch {
      // Not persisted; the profile still remembers it for signed-in users.
    }
  });
  const ready = instance
    .use(lazyLocales)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: "en",
      supportedLngs: [...LANGUAGES],
      resources: { en: { translation: en } },
      partialBundledLanguages: true,
      initAsync: false,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  return { i18n: instance, ready };
}

export async function createI18n(language?: Language): Promise<I18n> {
  const { i18n, ready } = initI18n(language);
  await ready;
  return i18n;
}
