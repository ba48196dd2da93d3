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
