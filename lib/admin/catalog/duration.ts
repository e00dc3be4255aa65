/**
 * Track durations as admins type them: "m:ss" ("3:07", "12:45"), "h:mm:ss" ("1:02:03") or a plain
 * number of seconds ("187"). Pure.
 */

const PATTERNS = [/^(\d{1,4}):([0-5]\d)$/, /^(\d{1,2}):([0-5]\d):([0-5]\d)$/, /^(\d{1,6})$/];

/** Seconds, null for an empty value, or undefined when the text is not a duration (or is zero). */
export function parseDuration(text: string | null | undefined): number | null | undefined {
  const value = (text ?? '').trim();
  if (value === '') return null;
  const [minutesSeconds, hoursMinutesSeconds, seconds] = PATTERNS.map((pattern) => pattern.exec(value));
  let total: number | undefined;
  if (minutesSeconds) total = Number(minutesSeconds[1]) * 60 + Number(minutesSeconds[2]);
  else if (hoursMinutesSeconds)
    total =
      Number(hoursMinutesSeconds[1]) * 3600 + Number(hoursMinutesSeconds[2]) * 60 + Number(hoursMinutesSeconds[3]);
  else if (seconds) total = Number(seconds[1]);
  // 0:00 is not a duration (the schema requires a positive number); 100 hours is a typo.
  if (total === undefined || total <= 0 || total > 100 * 3600) return undefined;
  return total;
}

/** "3:07" for 187 seconds, "1:02:03" from an hour up; empty for null. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return '';
  const whole = Math.round(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = whole % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
