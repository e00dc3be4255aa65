/**
 * Compact ways to write the seed vocabulary: a list one entry a line, a table one row a line with
 * its cells between bars. The text is the data, so a list reads like the list it is.
 */

/** The entries of a list written one a line (indentation and blank lines left out). */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** The rows of a table written one a line, cells separated by `|` and trimmed. */
export function table(text: string): string[][] {
  return lines(text).map((line) => line.split('|').map((cell) => cell.trim()));
}

/** `value` when it is one of `allowed`; a typo in a table fails the seed instead of seeding nonsense. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new Error(`Seed data: "${value}" is not one of ${allowed.join(', ')}.`);
  return value as T;
}
