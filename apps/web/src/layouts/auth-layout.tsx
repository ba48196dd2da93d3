import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { LanguageSelect } from "../components/language-select.tsx";
import { SkipLink } from "../components/skip-link.tsx";
import { ThemeSelect } from "../components/theme-select.tsx";

/** Sign in, sign up and the password/email pages: one centred card, no app navigation. */
export function AuthLayout() {
  const { t } = useTranslation();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink label={t("app.skipToContent")} />
      <header className="flex flex-wrap items-center justify-between gap-3 px-6 py-4">
        <p className="text-lg font-semibold text-fg">{t("app.name")}</p>
        <div className="flex items-center gap-2">
          <LanguageSelect />
          <ThemeSelect />
        </div>
      </header>
      <main
        id="main"
        tabIndex={-1}
        className="flex flex-1 items-start justify-center px-4 py-8 sm:items-center"
      >
        <div className="w-full max-w-md rounded-card border border-border bg-card p-6 shadow-sm sm:p-8">
          <Outlet />
        </div>
      </main>
    </div>
  );
}

export { AuthLayout as Component };
