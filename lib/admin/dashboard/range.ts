import { z } from 'zod';

/**
 * The dashboard's date range, read from the URL: `?range=7|30|90` (the last N days, today
 * included) or a custom `?from=YYYY-MM-DD&to=YYYY-MM-DD` (both days included). Days are UTC
 * calendar days. Anything invalid falls back to the default (the last 30 days) with a field error
 * for the form, so a bad link never breaks the page.
 */
export const RANGE_PRESETS = [7, 30, 90] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const DEFAULT_PRESET: RangePreset = 30;
/** The longest custom range, in days (one leap year). */
export const MAX_RANGE_DAYS = 366;

export type DateRange = {
  /** First day, YYYY-MM-DD (UTC), included. */
  from: string;
  /** Last day, YYYY-MM-DD (UTC), included. */
  to: string;
  days: number;
  preset: RangePreset | null;
};

export type RangeErrorKey = 'invalidDate' | 'required' | 'order' | 'tooLong' | 'future';
export type RangeErrors = Partial<Record<'from' | 'to', RangeErrorKey>>;

const DAY_MS = 86_400_000;

const isoDay = z.iso.date();

/** YYYY-MM-DD of a moment, in UTC. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC midnight that starts a YYYY-MM-DD day. */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The UTC midnight after a day: the exclusive end of a range. */
export function dayEnd(day: string): Date {
  return new Date(dayStart(day).getTime() + DAY_MS);
}

export function addDays(day: string, days: number): string {
  return utcDay(new Date(dayStart(day).getTime() + days * DAY_MS));
}

/** Whole days from `from` to `to`, both included. */
export function spanDays(from: string, to: string): number {
  return Math.round((dayStart(to).getTime() - dayStart(from).getTime()) / DAY_MS) + 1;
}

/** The last `days` days ending today (UTC). */
export function presetRange(days: RangePreset, now = new Date()): DateRange {
  const to = utcDay(now);
  return { from: addDays(to, -(days - 1)), to, days, preset: days };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? '';

/** Parses the range from search params; see the module comment for the rules. */
export function parseDashboardRange(
  params: Record<string, string | string[] | undefined>,
  now = new Date(),
): { range: DateRange; errors: RangeErrors; custom: { from: string; to: string } } {
  const from = first(params.from).slice(0, 20);
  const to = first(params.to).slice(0, 20);
  const fallback = presetRange(DEFAULT_PRESET, now);
  if (from || to) {
    const custom = { from, to };
    const errors: RangeErrors = {};
    if (!from) errors.from = 'required';
    else if (!isoDay.safeParse(from).success) errors.from = 'invalidDate';
    if (!to) errors.to = 'required';
    else if (!isoDay.safeParse(to).success) errors.to = 'invalidDate';
    if (!errors.from && !errors.to) {
      const today = utcDay(now);
      if (from > today) errors.from = 'future';
      else if (from > to) errors.to = 'order';
      else if (spanDays(from, to) > MAX_RANGE_DAYS) errors.to = 'tooLong';
    }
    if (Object.keys(errors).length > 0) return { range: fallback, errors, custom };
    return { range: { from, to, days: spanDays(from, to), preset: null }, errors, custom };
  }
  const preset = Number(first(params.range));
  const range = (RANGE_PRESETS as readonly number[]).includes(preset)
    ? presetRange(preset as RangePreset, now)
    : fallback;
  return { range, errors: {}, custom: { from: range.from, to: range.to } };
}
