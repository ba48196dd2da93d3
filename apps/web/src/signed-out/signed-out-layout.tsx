import { LANGUAGES } from "@referral-app/shared/constants";
import { Select } from "@referral-app/ui/form";
import { ThemeProvider } from "@referral-app/ui/theme";
import { ThemeSelect } from "@referral-app/ui/theme-select";
import { useId } from "react";
import { Outlet } from "react-router";
import { SkipLink } from "../components/skip-link.tsx";
import { isLanguage } from "../i18n/language.ts";
import { BrandMark } from "./brand-mark.tsx";
import { type LoadedStrings, SignedOutStringsProvider, useStrings } from "./signed-out-strings.tsx";

function LanguageChoice() {
  const { t, language, changeLanguage } = useStrings();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="sr-only">
        {t("language.label")}
      </label>
      <Select
        id={id}
        value={language}
        className="h-9 w-auto"
        onChange={(event) => {
          if (isLanguage(event.target.value)) void changeLanguage(event.target.value);
        }}
      >
        {LANGUAGES.map((value) => (
          // Each language is named in itself, so it is findable whatever language is on screen.
          <option key={value} value={value} lang={value}>
            {t(`language.${value}`)}
          </option>
        ))}
      </Select>
    </div>
  );
}

/** The signed-out pages' frame: one centred card, the language and theme choices, no app navigation. */
export function SignedOutFrame({ children }: { children: React.ReactNode }) {
  const { t } = useStrings();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink label={t("app.skipToContent")} />
      <header className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <BrandMark fallbackName={t("app.name")} />
        <div className="flex items-center gap-2">
          <LanguageChoice />
          <ThemeSelect
            strings={{
              theme: t("theme.label"),
              themes: { light: t("theme.light"), dark: t("theme.dark"), auto: t("theme.auto") },
            }}
          />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="flex flex-1 items-start justify-center px-4 py-8 sm:items-center"
      >
        <div className="w-full max-w-md rounded-card border border-border bg-card p-6 shadow-sm sm:p-8">
          {children}
        </div>
      </main>
    </div>
  );
}

/** The signed-out route's layout: its words (loaded beside it by signed-out-route.tsx) and the theme. */
export function Component({ initial }: { initial: LoadedStrings }) {
  return (
    <SignedOutStringsProvider initial={initial}>
      <ThemeProvider>
        <SignedOutFrame>
          <Outlet />
        </SignedOutFrame>
      </ThemeProvider>
    </SignedOutStringsProvider>
  );
}
