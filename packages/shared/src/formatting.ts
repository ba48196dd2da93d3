// Locale-aware formatting shared by the web and mobile apps and by emails.

const DEFAULT_LOCALE = "en-US";

let knownCurrencies: ReadonlySet<string> | null | undefined;

// Intl accepts any well-formed three-letter code, so "XYZ" would print as "XYZ 10.00"; reject it instead.
// Runtimes without Intl.supportedValuesOf (older Hermes) skip the check.
function assertKnownCurrency(currency: string): void {
  knownCurrencies ??=
    typeof Intl.supportedValuesOf === "function" ? new Set(Intl.supportedValuesOf("currency")) : null;
  if (knownCurrencies && !knownCurrencies.has(currency.toUpperCase())) {
    throw new RangeError(`Unknown currency code: ${currency}`);
  }
}

// Building an Intl formatter costs far more than using one, and a page formats hundreds of values
// (on a phone the dashboard spent ~200 ms building them): each is built once per locale and options.
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cachedFormatter<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  kind: string,
  locale: string,
  options: object,
  build: () => T,
): T {
  const key = `${kind} ${locale} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = build();
    formatters.set(key, formatter);
  }
  return formatter;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cachedFormatter("number", locale, options, () => new Intl.NumberFormat(locale, options));
}

/** How many minor units a currency has (USD 2, JPY 0, KWD 3), per the runtime's ICU data. */
export function currencyMinorUnits(currency: string): number {
  assertKnownCurrency(currency);
  return numberFormat("en", { style: "currency", currency }).resolvedOptions()
    .maximumFractionDigits as number;
}

export function toMinorUnits(amount: number, currency: string): number {
  return Math.round(amount * 10 ** currencyMinorUnits(currency));
}

export function fromMinorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** currencyMinorUnits(currency);
}

function decimalMark(locale: string): string {
  return (
    numberFormat(locale, {})
      .formatToParts(1.5)
      .find((part) => part.type === "decimal")?.value ?? "."
  );
}

/**
 * Minor units of an amount a person typed, or null when it is not an amount the currency can hold.
 * Either decimal mark is understood: "1,234.56", "1.234,56", "150,50", "150.5", "1 234,56". One mark
 * followed by exactly three digits ("1,500", "1.500") is read as the locale writes numbers: a
 * thousands separator unless it is the locale's decimal mark. More decimals than the currency has
 * ("12.345" dollars) are refused rather than rounded. A leading minus gives a negative amount (a
 * discount line): callers that take only positive amounts check the sign.
 */
export function parseAmountInput(text: string, currency: string, locale = DEFAULT_LOCALE): number | null {
  const signed = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  const negative = /^[-\u2212]/.test(signed);
  const compact = negative ? signed.slice(1) : signed;
  if (!/^[\d.,]*\d[\d.,]*$/.test(compact)) return null;
  const marks = [...compact.matchAll(/[.,]/g)];
  const last = marks.at(-1);
  let decimalAt = -1;
  if (last?.index !== undefined) {
    const kinds = new Set(marks.map((mark) => mark[0]));
    const digitsAfter = compact.length - last.index - 1;
    if (kinds.size === 2) decimalAt = last.index;
    else if (marks.length === 1 && (digitsAfter !== 3 || last[0] === decimalMark(locale)))
      decimalAt = last.index;
  }
  const grouped = decimalAt < 0 ? compact : compact.slice(0, decimalAt);
  // Thousands come in threes with one kind of separator: "1,234,567", not "1.2.3".
  if (/[.,]/.test(grouped) && !/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(grouped)) return null;
  const whole = grouped.replace(/[.,]/g, "");
  const fraction = decimalAt < 0 ? "" : compact.slice(decimalAt + 1);
  const digits = currencyMinorUnits(currency);
  if (/[.,]/.test(fraction) || fraction.length > digits) return null;
  const minor = Number(whole || "0") * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  if (!Number.isSafeInteger(minor)) return null;
  return negative ? -minor : minor;
}

/**
 * Formats an amount held in integer minor units (cents, paise; yen have none).
 * Throws RangeError on a fractional amount or an unknown currency code.
 */
export function formatCurrency(amountMinor: number, currency = "USD", locale = DEFAULT_LOCALE): string {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`Amount must be an integer number of minor units, got ${amountMinor}`);
  }
  return numberFormat(locale, { style: "currency", currency }).format(fromMinorUnits(amountMinor, currency));
}

function toDate(value: string | number | Date): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(value)}`);
  return date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Formats an instant in the viewer's time zone. A date-only string ("2026-03-05") is a calendar day,
 * not an instant: it is shown as that day everywhere (parsed as UTC midnight, so formatted in UTC).
 */
export function formatDate(
  value: string | number | Date,
  locale = DEFAULT_LOCALE,
  options: Intl.DateTimeFormatOptions = { year: "numeric", month: "long", day: "numeric" },
): string {
  const zoned =
    typeof value === "string" && DATE_ONLY.test(value) ? { ...options, timeZone: "UTC" } : options;
  return cachedFormatter("date", locale, zoned, () => new Intl.DateTimeFormat(locale, zoned)).format(
    toDate(value),
  );
}

/**
 * A calendar day as a date field writes it ("2026-12-02"), in the device's time zone: `new Date()`
 * gives today for the person at the screen (the UTC day is yesterday or tomorrow for half the world
 * part of every day).
 */
export function toDateInputValue(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The instant to record for a day picked in a date field: now for today, else noon of that day in
 * the device's time zone. (Noon UTC of today is still hours ahead for anyone east of Greenwich
 * before midday, or on the evening before for anyone far west.)
 */
export function pickedDayAsInstant(day: string, now = new Date()): string {
  if (day === toDateInputValue(now)) return now.toISOString();
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year!, month! - 1, date!, 12).toISOString();
}

export function formatDateTime(value: string | number | Date, locale = DEFAULT_LOCALE): string {
  return formatDate(value, locale, { dateStyle: "medium", timeStyle: "short" });
}

export interface RelativeTimeOptions {
  /** The moment to measure from; defaults to the current time. */
  now?: Date | number;
  locale?: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/**
 * "just now" under a minute, then minutes, hours (under 24 h) and days (under 7 d), past or future;
 * a week or more away falls back to the date itself.
 */
export function formatRelativeTime(value: string | number | Date, options: RelativeTimeOptions = {}): string {
  const locale = options.locale ?? DEFAULT_LOCALE;
  const target = toDate(value).getTime();
  const now = options.now === undefined ? Date.now() : toDate(options.now).getTime();
  const diff = target - now;
  const distance = Math.abs(diff);
  const sign = diff < 0 ? -1 : 1;
  const rtf = cachedFormatter(
    "relative",
    locale,
    {},
    () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }),
  );

  if (distance < MINUTE) return rtf.format(0, "second");
  if (distance < HOUR) return rtf.format(sign * Math.floor(distance / MINUTE), "minute");
  if (distance < DAY) return rtf.format(sign * Math.floor(distance / HOUR), "hour");
  if (distance < WEEK) return rtf.format(sign * Math.floor(distance / DAY), "day");
  return formatDate(target, locale);
}

export function formatPercent(ratio: number, locale = DEFAULT_LOCALE, fractionDigits = 1): string {
  return numberFormat(locale, { style: "percent", maximumFractionDigits: fractionDigits }).format(ratio);
}

/** A country's name from its ISO code ("AU" → "Australia"); the code itself if the runtime cannot name it. */
export function formatCountry(code: string, locale = DEFAULT_LOCALE): string {
  try {
    return new Intl.DisplayNames([locale], { type: "region" }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
