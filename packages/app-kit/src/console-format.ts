import { countryName } from "@referral-app/i18n/countries";
import { localeFor } from "@referral-app/i18n/resources";
import * as shared from "@referral-app/shared/formatting";
import { consoleLanguage } from "./console-language.ts";

// The shared formatters in the console's language: dates, money and countries read as the viewer reads.

const locale = () => localeFor(consoleLanguage());

export function formatDate(value: string | number | Date, options?: Intl.DateTimeFormatOptions): string {
  return shared.formatDate(value, locale(), options);
}

export function formatDateTime(value: string | number | Date): string {
  return shared.formatDateTime(value, locale());
}

export function formatCurrency(amountMinor: number, currency = "USD"): string {
  return shared.formatCurrency(amountMinor, currency, locale());
}

export function formatPercent(ratio: number, fractionDigits = 1): string {
  return shared.formatPercent(ratio, locale(), fractionDigits);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}

/** A country by name in the viewer's language; an unknown code is shown as given, never dropped. */
export function formatCountry(code: string): string {
  return countryName(code, consoleLanguage()) ?? code;
}
