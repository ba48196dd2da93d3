import type { Language } from "@referral-app/shared/constants";
import { en, type SharedStrings } from "./en.ts";
import { es } from "./es.ts";
import type { Strings } from "./types.ts";

/** The shared words in every supported language. */
export const sharedStrings: Record<Language, Strings<SharedStrings>> = { en, es };

/** The BCP 47 locale used for dates, numbers and country names in each language. */
export function localeFor(language: string): string {
  return language === "es" ? "es-ES" : "en-US";
}
