import type { Language } from "@referral-app/shared/constants";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";
import { rememberLanguage } from "../i18n/language.ts";
import type { SignedOutTranslation } from "../i18n/locales/en-signed-out.ts";

// The signed-out pages translate without i18next (17 KB): only these words, in one language at a time.
const LOADERS: Record<Language, () => Promise<SignedOutTranslation>> = {
  en: () => import("../i18n/locales/en-signed-out.ts").then((module) => module.enSignedOut),
  es: () => import("../i18n/locales/es-signed-out.ts").then((module) => module.esSignedOut),
};

export interface LoadedStrings {
  language: Language;
  strings: SignedOutTranslation;
}

export async function loadSignedOutStrings(language: Language): Promise<LoadedStrings> {
  return { language, strings: await LOADERS[language]() };
}

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type SignedOutKey = Leaves<SignedOutTranslation>;
export type Translate = (key: SignedOutKey, values?: Record<string, string | number>) => string;

/** i18next's `{{name}}` placeholders, so both worlds share one set of strings. */
export function translator(strings: SignedOutTranslation): Translate {
  return (key, values) => {
    let node: unknown = strings;
    for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
    const text = String(node);
    return values ? text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? "")) : text;
  };
}

interface StringsContextValue {
  t: Translate;
  language: Language;
  changeLanguage: (language: Language) => Promise<void>;
}

const StringsContext = createContext<StringsContextValue | null>(null);

export function SignedOutStringsProvider({
  initial,
  children,
}: {
  initial: LoadedStrings;
  children: ReactNode;
}) {
  const [loaded, setLoaded] = useState(initial);
  const changeLanguage = useCallback(async (language: Language) => {
    const next = await loadSignedOutStrings(language);
    rememberLanguage(language);
    setLoaded(next);
  }, []);
  const value = useMemo(
    () => ({ t: translator(loaded.strings), language: loaded.language, changeLanguage }),
    [loaded, changeLanguage],
  );
  return <StringsContext value={value}>{children}</StringsContext>;
}

export function useStrings(): StringsContextValue {
  const value = useContext(StringsContext);
  if (!value) throw new Error("useStrings needs a SignedOutStringsProvider");
  return value;
}
