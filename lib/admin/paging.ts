/**
 * The page a list shows: the asked-for page, or the last one when the list has fewer pages (a
 * stale link past the end shows the last page, not an empty one).
 */
export function pageWithin(total: number, requested: number, pageSize: number): { page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  return { page: Math.min(requested, pageCount), pageCount };
}

/** `%`, `_` and `\` typed by an admin are literal characters in a LIKE pattern, not wildcards. */
export const containsPattern = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** A page of a list, with how many items and pages there are in all. */
export type Page<T> = { items: T[]; total: number; page: number; pageCount: number };
