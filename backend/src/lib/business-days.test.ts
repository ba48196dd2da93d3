import { describe, expect, it } from "vitest";
import { addBusinessDays, addBusinessHours, businessDaysBetween, isBusinessDay } from "./business-days.ts";

// 2025-06-02 is a Monday.
const at = (day: string, time = "10:00") => new Date(`2025-06-${day}T${time}:00.000Z`);

describe("addBusinessDays", () => {
  it("skips weekends and keeps the time of day", () => {
    expect(addBusinessDays(at("02"), 2)).toEqual(at("04")); // Mon → Wed
    expect(addBusinessDays(at("06"), 1)).toEqual(at("09")); // Fri → Mon
    expect(addBusinessDays(at("06"), 2)).toEqual(at("10")); // Fri → Tue
    expect(addBusinessDays(at("07"), 1)).toEqual(at("09")); // Sat → Mon
    expect(addBusinessDays(at("08"), 2)).toEqual(at("10")); // Sun → Tue
    expect(addBusinessDays(at("04"), 0)).toEqual(at("04"));
  });

  it("moves whole weeks and backwards", () => {
    expect(addBusinessDays(at("02"), 10)).toEqual(at("16"));
    expect(addBusinessDays(at("03"), 7)).toEqual(at("12"));
    expect(addBusinessDays(at("09"), -1)).toEqual(at("06")); // Mon → Fri
    expect(addBusinessDays(at("16"), -10)).toEqual(at("02"));
  });

  it("refuses fractional days", () => {
    expect(() => addBusinessDays(at("02"), 1.5)).toThrow(RangeError);
  });
});

describe("businessDaysBetween", () => {
  it("counts whole business days, not weekend days", () => {
    expect(businessDaysBetween(at("06"), at("09"))).toBe(1); // Fri → Mon
    expect(businessDaysBetween(at("06"), at("10", "09:59"))).toBe(1);
    expect(businessDaysBetween(at("06"), at("10"))).toBe(2);
    expect(businessDaysBetween(at("07"), at("09", "23:00"))).toBe(1); // Sat → Mon evening
    expect(businessDaysBetween(at("04"), at("02"))).toBe(0);
  });

  it("agrees with addBusinessDays on every pair over four weeks", () => {
    const start = at("01", "00:00").getTime();
    const hours = 24 * 28;
    for (let a = 0; a < hours; a += 13) {
      for (let b = a; b < hours; b += 11) {
        const from = new Date(start + a * 3_600_000);
        const to = new Date(start + b * 3_600_000);
        const n = businessDaysBetween(from, to);
        expect(addBusinessDays(from, n).getTime()).toBeLessThanOrEqual(to.getTime());
        expect(addBusinessDays(from, n + 1).getTime()).toBeGreaterThan(to.getTime());
      }
    }
  });

  it("knows which days are business days", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((d) => isBusinessDay(at(`0${d}`)))).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("addBusinessHours", () => {
  const at = (iso: string) => new Date(iso);
  it("counts within the working day", () => {
    expect(addBusinessHours(at("2026-12-01T10:00:00Z"), 4).toISOString()).toBe("2026-12-01T14:00:00.000Z");
  });
  it("carries over the evening and the weekend", () => {
    // Friday 16:00 + 4 h: one hour on Friday, three on Monday.
    expect(addBusinessHours(at("2026-12-04T16:00:00Z"), 4).toISOString()).toBe("2026-12-07T12:00:00.000Z");
  });
  it("starts a weekend or night question at the next opening", () => {
    expect(addBusinessHours(at("2026-12-05T11:00:00Z"), 4).toISOString()).toBe("2026-12-07T13:00:00.000Z");
    expect(addBusinessHours(at("2026-12-01T20:00:00Z"), 1).toISOString()).toBe("2026-12-02T10:00:00.000Z");
    expect(addBusinessHours(at("2026-12-01T06:00:00Z"), 2).toISOString()).toBe("2026-12-01T11:00:00.000Z");
  });
});
