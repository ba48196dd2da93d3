import {
  formatCurrency,
  formatDate,
  formatDateTime,
  formatPercent,
  formatRelativeTime,
} from "@referral-app/shared/formatting";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { localeFor } from "./i18n.ts";

/** The shared formatters bound to the active language's locale. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeFor(i18n.resolvedLanguage ?? i18n.language);
  return useMemo(
    () => ({
      locale,
      date: (value: string | Date) => formatDate(value, locale),
      /** "Thursday 3 December": a day this week or next, where the weekday matters. */
      day: (value: string | Date) =>
        formatDate(value, locale, { weekday: "long", day: "numeric", month: "long" }),
      dateTime: (value: string | Date) => formatDateTime(value, locale),
      relative: (value: string | Date) => formatRelativeTime(value, { locale }),
      money: (amountMinor: number, currency: string) => formatCurrency(amountMinor, currency, locale),
      percent: (ratio: number) => formatPercent(ratio, locale),
      number: (value: number) => new Intl.NumberFormat(locale).format(value),
    }),
    [locale],
  );
}
