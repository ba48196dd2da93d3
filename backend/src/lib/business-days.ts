// Business days are Monday to Friday, counted in UTC (one office calendar for every instance).

const DAY_MS = 24 * 60 * 60 * 1000;

export function isBusinessDay(date: Date): boolean {
  const day = date.getUTCDay();
  return day !== 0 && day !== 6;
}

/**
 * `date` moved by `days` business days, keeping the time of day: Friday 10:00 + 2 is Tuesday 10:00,
 * Saturday 10:00 + 1 is Monday 10:00. Negative `days` moves back the same way.
 */
export function addBusinessDays(date: Date, days: number): Date {
  if (!Number.isInteger(days)) throw new RangeError("days must be an integer");
  const step = days < 0 ? -1 : 1;
  let remaining = Math.abs(days);
  let time = date.getTime();
  // Whole weeks first, so large offsets do not walk day by day.
  const weeks = Math.floor(remaining / 5);
  if (weeks > 0 && isBusinessDay(date)) {
    time += step * weeks * 7 * DAY_MS;
    remaining -= weeks * 5;
  }
  while (remaining > 0) {
    time += step * DAY_MS;
    if (isBusinessDay(new Date(time))) remaining -= 1;
  }
  return new Date(time);
}

/** How many whole business days have passed from `from` to `to`: the largest n with from + n ≤ to. */
export function businessDaysBetween(from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  // Calendar days bound the answer from above; count down from a close estimate.
  const calendarDays = Math.floor((to.getTime() - from.getTime()) / DAY_MS);
  let low = Math.max(0, Math.floor((calendarDays * 5) / 7) - 2);
  while (low > 0 && addBusinessDays(from, low).getTime() > to.getTime()) low -= 1;
  while (addBusinessDays(from, low + 1).getTime() <= to.getTime()) low += 1;
  return low;
}

// Business hours: 09:00 to 17:00 UTC on business days.
const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;
const HOUR_MS = 60 * 60 * 1000;

/**
 * `date` moved forward by `hours` business hours: Friday 16:00 + 4 is Monday 12:00, and a question
 * asked on Saturday starts counting at Monday 09:00.
 */
export function addBusinessHours(date: Date, hours: number): Date {
  if (!(hours >= 0)) throw new RangeError("hours must not be negative");
  let remaining = hours * HOUR_MS;
  let time = date.getTime();
  for (;;) {
    const at = new Date(time);
    const open = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), OPEN_HOUR);
    const close = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), CLOSE_HOUR);
    if (!isBusinessDay(at) || time >= close) {
      // To the next day's opening.
      time = open + DAY_MS;
      continue;
    }
    if (time < open) time = open;
    if (time + remaining <= close) return new Date(time + remaining);
    remaining -= close - time;
    time = open + DAY_MS;
  }
}
