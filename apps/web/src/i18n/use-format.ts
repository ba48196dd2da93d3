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
      dateTime: (value: string | Date) => formatDateTime(value, locale),
      relative: (value: string | Date) => formatRelativeTime(value, { locale }),
      money: (amountMinor: number, currency: string) => formatCurrency(amountMinor, currency, locale),
      percent: (ratio: number) => formatPercent(ratio, locale),
      number: (value: number) => new Intl.NumberFormat(locale).format(value),
    }),
    [locale],
  );
}
