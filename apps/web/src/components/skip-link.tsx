import { useTranslation } from "react-i18next";

/** The first focusable element: jumps keyboard users past the header to <main id="main">. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-lg bg-brand px-4 py-2 text-brand-fg focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
    >
      {t("app.skipToContent")}
    </a>
  );
}
