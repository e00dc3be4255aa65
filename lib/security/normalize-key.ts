/** The form emails and usernames are compared and stored unique in: trimmed, NFKC, lower case. */
export function normalizeKey(value: string): string {
  return value.trim().normalize('NFKC').toLowerCase();
}
