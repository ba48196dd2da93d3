import { useTranslation } from "react-i18next";

/** What a CountrySelect needs from the active language. */
export function useCountryLabels() {
  const { t, i18n } = useTranslation();
  return {
    language: i18n.resolvedLanguage ?? i18n.language,
    placeholder: t("country.choose"),
    unknownLabel: (code: string) => t("country.unknown", { code }),
  };
}
