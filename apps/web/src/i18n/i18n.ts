import { LANGUAGES, type Language } from "@referral-app/shared/constants";
import i18next, { type BackendModule, type i18n as I18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { detectLanguage, rememberLanguage } from "./language.ts";
import { en } from "./locales/en.ts";

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
  instance.on("languageChanged", rememberLanguage);
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
