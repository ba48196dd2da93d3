import { LANGUAGES, type Language } from "@referral-app/shared/constants";
import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { en } from "./en";
import { es } from "./es";

/** One i18next instance per call: the app makes one, each test its own. */
export function createI18n(language: Language = "en"): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { en: { translation: en }, es: { translation: es } },
    lng: language,
    fallbackLng: "en",
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

/** BCP 47 locale for the shared Intl formatters. */
export function localeFor(language: string): string {
  return language === "es" ? "es-ES" : "en-US";
}
