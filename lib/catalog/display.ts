/** Small pure formatters for catalog facts (durations, dates, language names). */

/** 245 → "4:05"; 3725 → "1:02:05". */
export function formatDuration(seconds: number | null): string {
  if (!seconds || seconds < 0) return '';
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** A total running time such as "48 min" or "2 h 5 min" (numbers only; labels come from messages). */
export function totalMinutes(durations: (number | null)[]): number {
  return Math.round(durations.reduce<number>((sum, d) => sum + (d ?? 0), 0) / 60);
}

/** "2019-06-15" → "June 15, 2019" / "2019年6月15日" (dates are calendar dates: formatted in UTC). */
export function formatDate(isoDate: string, localeTag: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(localeTag, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** ISO 639-1 codes → language names in the reader's language. */
export function languageNames(codes: string[], localeTag: string): string {
  const names = new Intl.DisplayNames([localeTag], { type: 'language' });
  return codes
    .map((code) => {
      try {
        return names.of(code) ?? code;
      } catch {
        return code;
      }
    })
    .join(', ');
}
