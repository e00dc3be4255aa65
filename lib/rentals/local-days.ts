/**
 * Calendar days in the shop's time zone (SHOP_TIME_ZONE), without a date library: a rental's due
 * date and its days late are counted in the shop's local days, whatever the server's zone, across
 * month ends and daylight-saving changes. Pure functions of their arguments (no clock).
 */

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The local calendar date of `at` in `timeZone`, as `YYYY-MM-DD`. */
export function localDate(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (a count of calendar days, free of any time zone). */
function dayNumber(date: string): number {
  const [year = NaN, month = NaN, day = NaN] = date.split('-').map(Number);
  const days = Date.UTC(year, month - 1, day) / DAY_MS;
  if (!Number.isInteger(days)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  return days;
}

/** `date` moved by `days` calendar days (31 January + 1 = 1 February; 28 February 2028 + 1 = 29 February). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The first instant of the local day `date` in `timeZone` (usually local midnight; 01:00 where the
 * clocks jump forward at midnight). A binary search over the minutes around UTC midnight: the local
 * date only moves forward with time, and every zone's offset lies within ±14 hours.
 */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const target = dayNumber(date);
  const utcMidnight = target * DAY_MS;
  let low = utcMidnight - 15 * 3_600_000; // local date still before `date`
  let high = utcMidnight + 15 * 3_600_000; // local date already `date` or later
  while (high - low > 60_000) {
    const middle = low + Math.floor((high - low) / 120_000) * 60_000;
    if (dayNumber(localDate(new Date(middle), timeZone)) >= target) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** A local date (`YYYY-MM-DD`, such as a due date) written for people in `localeTag` ("8 Apr 2026"). */
export function formatLocalDate(date: string, localeTag: string): string {
  return new Intl.DateTimeFormat(localeTag, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
