/**
 * Reading a list a test expects to hold something (query rows, sent mails, rendered elements):
 * each helper returns the item, or fails with a message naming what is missing and how many
 * there were, instead of a TypeError on `undefined` further on.
 */

/** Item `index` of `items` (negative counts from the end, as `Array.prototype.at`). */
export function at<T>(items: readonly T[], index: number, what = 'item'): T {
  if (index >= items.length || index < -items.length) {
    throw new Error(`Expected ${what} at index ${index}, but the list has ${items.length}`);
  }
  return items.at(index) as T;
}

/** The first item of `items`. */
export function first<T>(items: readonly T[], what = 'item'): T {
  return at(items, 0, what);
}

/** The one item of `items`: fails when there is none or more than one. */
export function only<T>(items: readonly T[], what = 'item'): T {
  if (items.length !== 1) throw new Error(`Expected exactly one ${what}, but the list has ${items.length}`);
  return items[0] as T;
}

type Tuple<T, N extends number, Built extends T[] = []> = Built['length'] extends N
  ? Built
  : Tuple<T, N, [...Built, T]>;

/** The first `count` items of `items`, as a tuple to destructure: `const [a, b] = take(rows, 2)`. */
export function take<T, N extends number>(items: readonly T[], count: N, what = 'item'): Tuple<T, N> {
  if (items.length < count) throw new Error(`Expected ${count} ${what}s or more, but the list has ${items.length}`);
  return items.slice(0, count) as Tuple<T, N>;
}
