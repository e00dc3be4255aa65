/**
 * The value of a lookup that the caller's logic guarantees (an index inside a checked bound, a key
 * put in the map just before): returns it, or throws an error naming `what` when it is missing,
 * so a broken invariant fails loudly at its source instead of as `undefined` further on.
 */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Missing ${what}`);
  return value;
}
