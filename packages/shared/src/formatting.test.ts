import { describe, expect, it } from "vitest";
import {
  currencyMinorUnits,
  formatCountry,
  formatCurrency,
  formatDate,
  formatDateTime,
  formatPercent,
  formatRelativeTime,
  fromMinorUnits,
  parseAmountInput,
  pickedDayAsInstant,
  toDateInputValue,
  toMinorUnits,
} from "./formatting.ts";

// Intl separates a code from the amount with a no-break space; compare on plain spaces.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatCurrency", () => {
  it("formats integer minor units per currency", () => {
    expect(formatCurrency(123_456)).toBe("$1,234.56");
    expect(formatCurrency(123_456, "USD")).toBe("$1,234.56");
    expect(formatCurrency(0, "USD")).toBe("$0.00");
    expect(formatCurrency(-550, "USD")).toBe("-$5.50");
  });

  it("treats JPY as having no minor units", () => {
    expect(formatCurrency(1000, "JPY")).toBe("¥1,000");
    expect(formatCurrency(1000, "JPY", "ja-JP")).toBe("￥1,000");
  });

  it("uses Indian digit grouping for INR in en-IN", () => {
    expect(formatCurrency(1_234_567, "INR", "en-IN")).toBe("₹12,345.67");
    expect(formatCurrency(1_234_567_890, "INR", "en-IN")).toBe("₹1,23,45,678.90");
  });

  it("gives KWD three minor digits", () => {
    expect(plain(formatCurrency(1234, "KWD"))).toBe("KWD 1.234");
  });

  it("follows the locale", () => {
    expect(plain(formatCurrency(123_456, "EUR", "es-ES"))).toBe("1234,56 €");
  });

  it("throws RangeError on a fractional amount", () => {
    expect(() => formatCurrency(10.5, "USD")).toThrow(RangeError);
    expect(() => formatCurrency(Number.NaN, "USD")).toThrow(RangeError);
  });

  it("throws RangeError on an unknown or malformed currency", () => {
    expect(() => formatCurrency(1000, "XYZ")).toThrow(RangeError);
    expect(() => formatCurrency(1000, "US")).toThrow(RangeError);
  });
});

describe("minor units", () => {
  it("knows each currency's digits", () => {
    expect(currencyMinorUnits("USD")).toBe(2);
    expect(currencyMinorUnits("JPY")).toBe(0);
    expect(currencyMinorUnits("KWD")).toBe(3);
  });

  it("converts both ways", () => {
    expect(toMinorUnits(12.34, "USD")).toBe(1234);
    expect(toMinorUnits(0.29, "USD")).toBe(29);
    expect(toMinorUnits(1000, "JPY")).toBe(1000);
    expect(toMinorUnits(1.234, "KWD")).toBe(1234);
    expect(fromMinorUnits(1234, "USD")).toBe(12.34);
    expect(fromMinorUnits(1234, "KWD")).toBe(1.234);
  });
});

describe("formatRelativeTime", () => {
  const now = new Date("2026-03-10T12:00:00.000Z");
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const SECOND = 1000;
  const MINUTE = 60 * SECOND;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  it.each([
    ["0 s", 0, "now"],
    ["59 s", 59 * SECOND, "now"],
    ["1 min", MINUTE, "1 minute ago"],
    ["59 min", 59 * MINUTE, "59 minutes ago"],
    ["1 h", HOUR, "1 hour ago"],
    ["23 h 59 m", 23 * HOUR + 59 * MINUTE, "23 hours ago"],
    ["24 h", DAY, "yesterday"],
    ["2 d", 2 * DAY, "2 days ago"],
    ["6 d 23 h", 6 * DAY + 23 * HOUR, "6 days ago"],
  ])("past %s → %s", (_, ms, expected) => {
    expect(formatRelativeTime(ago(ms), { now })).toBe(expected);
  });

  it("falls back to the date at 7 days", () => {
    expect(formatRelativeTime(ago(7 * DAY), { now })).toBe("March 3, 2026");
    expect(formatRelativeTime(ago(400 * DAY), { now })).toBe("February 3, 2025");
  });

  it("speaks of the future", () => {
    expect(formatRelativeTime(ago(-3 * HOUR), { now })).toBe("in 3 hours");
    expect(formatRelativeTime(ago(-5 * MINUTE), { now })).toBe("in 5 minutes");
    expect(formatRelativeTime(ago(-DAY), { now })).toBe("tomorrow");
    expect(formatRelativeTime(ago(-3 * DAY), { now })).toBe("in 3 days");
    expect(formatRelativeTime(ago(-7 * DAY), { now })).toBe("March 17, 2026");
  });

  it("accepts strings, numbers and an injectable now", () => {
    expect(formatRelativeTime("2026-03-10T09:00:00Z", { now: now.getTime() })).toBe("3 hours ago");
    expect(formatRelativeTime(now.getTime() - 2 * HOUR, { now })).toBe("2 hours ago");
  });

  it("uses the current time by default", () => {
    expect(formatRelativeTime(new Date(Date.now() - 2 * HOUR))).toBe("2 hours ago");
  });

  it("speaks other locales", () => {
    expect(formatRelativeTime(ago(3 * HOUR), { now, locale: "es" })).toBe("hace 3 horas");
    expect(formatRelativeTime(ago(-3 * HOUR), { now, locale: "es" })).toBe("dentro de 3 horas");
    expect(formatRelativeTime(ago(10 * SECOND), { now, locale: "es" })).toBe("ahora");
    expect(formatRelativeTime(ago(8 * DAY), { now, locale: "es" })).toBe("2 de marzo de 2026");
  });

  it("throws RangeError on invalid input", () => {
    expect(() => formatRelativeTime("not a date", { now })).toThrow(RangeError);
    expect(() => formatRelativeTime(new Date(Number.NaN), { now })).toThrow(RangeError);
    expect(() => formatRelativeTime(now, { now: Number.NaN })).toThrow(RangeError);
  });
});

describe("formatDate", () => {
  it("formats strings, numbers and dates, long by default", () => {
    expect(formatDate("2026-03-05T12:00:00Z")).toBe("March 5, 2026");
    expect(formatDate(Date.UTC(2026, 2, 5, 12))).toBe("March 5, 2026");
    expect(formatDate(new Date("2026-03-05T12:00:00Z"), "es")).toBe("5 de marzo de 2026");
  });

  it("takes Intl options, including a time zone for instants", () => {
    expect(
      formatDate("2026-03-05T02:00:00Z", "en-US", { dateStyle: "long", timeZone: "America/Los_Angeles" }),
    ).toBe("March 4, 2026");
    expect(formatDate("2026-03-05T12:00:00Z", "en-GB", { dateStyle: "short", timeZone: "UTC" })).toBe(
      "05/03/2026",
    );
  });

  it("shows a date-only string as that calendar day in every time zone", () => {
    expect(formatDate("2026-03-05", "en-US", { dateStyle: "long", timeZone: "America/Los_Angeles" })).toBe(
      "March 5, 2026",
    );
  });

  it("throws RangeError on an invalid date", () => {
    expect(() => formatDate("2026-13-45")).toThrow(RangeError);
    expect(() => formatDate("")).toThrow(RangeError);
  });

  it("formats a date with its time", () => {
    expect(plain(formatDateTime("2026-03-05T12:30:00Z"))).toMatch(/^Mar 5, 2026, \d{1,2}:30 [AP]M$/);
  });
});

describe("formatPercent", () => {
  it("formats a ratio with one decimal by default", () => {
    expect(formatPercent(0.256)).toBe("25.6%");
    expect(formatPercent(0.25)).toBe("25%");
    expect(formatPercent(1 / 3, "en-US", 0)).toBe("33%");
    expect(plain(formatPercent(0.256, "es"))).toBe("25,6 %");
  });
});

describe("formatCountry", () => {
  it("names a country in the given language and keeps an unknown code", () => {
    expect(formatCountry("AU")).toBe("Australia");
    expect(formatCountry("es", "es-ES")).toBe("España");
    expect(formatCountry("??")).toBe("??");
  });
});

describe("parseAmountInput", () => {
  it("reads either decimal mark and thousands separators", () => {
    expect(parseAmountInput("150.50", "USD")).toBe(15050);
    expect(parseAmountInput("150,50", "USD")).toBe(15050);
    expect(parseAmountInput("150,5", "USD")).toBe(15050);
    expect(parseAmountInput("1,234.56", "USD")).toBe(123456);
    expect(parseAmountInput("1.234,56", "USD", "es")).toBe(123456);
    expect(parseAmountInput("1 234,56", "USD", "es")).toBe(123456);
    expect(parseAmountInput(" 700 ", "USD")).toBe(70000);
    expect(parseAmountInput("1,234,567", "USD")).toBe(123456700);
    expect(parseAmountInput(".5", "USD")).toBe(50);
    expect(parseAmountInput("-50", "USD")).toBe(-5000);
    expect(parseAmountInput("−12,50", "EUR", "es")).toBe(-1250);
  });

  it("reads one mark before three digits as the locale writes numbers", () => {
    expect(parseAmountInput("1,500", "USD", "en-US")).toBe(150000);
    expect(parseAmountInput("1.500", "USD", "es")).toBe(150000);
    expect(parseAmountInput("1,500", "KWD", "es")).toBe(1500);
    expect(parseAmountInput("1.500", "KWD", "en-US")).toBe(1500);
  });

  it("refuses what is not an amount the currency can hold", () => {
    for (const text of ["", " ", "abc", "12a", "5-", "--5", "1.2.3,4,5", "12.345", "1e3", ","]) {
      expect(parseAmountInput(text, "USD")).toBeNull();
    }
    expect(parseAmountInput("1000", "JPY")).toBe(1000);
    expect(parseAmountInput("1000.5", "JPY")).toBeNull();
  });
});

describe("date fields", () => {
  it("writes the device's own day, not the UTC one", () => {
    // Built from local parts, so it holds in any time zone the tests run in.
    expect(toDateInputValue(new Date(2026, 11, 2, 0, 30))).toBe("2026-12-02");
    expect(toDateInputValue(new Date(2026, 0, 9, 23, 59))).toBe("2026-01-09");
  });

  it("records today as now and an earlier day as its local noon: never in the future", () => {
    const justAfterMidnight = new Date(2026, 11, 2, 0, 30);
    expect(pickedDayAsInstant("2026-12-02", justAfterMidnight)).toBe(justAfterMidnight.toISOString());
    expect(pickedDayAsInstant("2026-11-30", justAfterMidnight)).toBe(
      new Date(2026, 10, 30, 12).toISOString(),
    );
    const lateEvening = new Date(2026, 11, 2, 23, 45);
    expect(new Date(pickedDayAsInstant("2026-12-02", lateEvening)).getTime()).toBe(lateEvening.getTime());
  });
});
