/**
 * The temporal leave-last-out split of the literature, identical to the reference splits in
 * `datasets/ml-100k/splits` (`pos4.temporal.*`): per user, interactions sorted by time, ties kept
 * in input order (a stable sort, i.e. file order); the last max(1, round(fraction × n)) go to
 * test for users with n ≥ 2; users with one interaction stay entirely in train.
 * `round` is round-half-to-even like numpy's (for fraction 0.2 no half ever occurs).
 */
export function temporalSplit<T extends { user: number; time: number }>(
  rows: readonly T[],
  fraction = 0.2,
): { train: T[]; test: T[] } {
  // Per user, the (position, time) of each of their rows.
  const byUser = new Map<number, [number, number][]>();
  rows.forEach((row, position) => {
    const list = byUser.get(row.user);
    if (list) list.push([position, row.time]);
    else byUser.set(row.user, [[position, row.time]]);
  });
  const isTest = new Uint8Array(rows.length);
  for (const positions of byUser.values()) {
    const n = positions.length;
    if (n < 2) continue;
    positions.sort(([a, aTime], [b, bTime]) => aTime - bTime || a - b);
    const nTest = Math.min(n, Math.max(1, roundHalfEven(fraction * n)));
    for (const [position] of positions.slice(n - nTest)) isTest[position] = 1;
  }
  const train: T[] = [];
  const test: T[] = [];
  rows.forEach((row, position) => (isTest[position] ? test : train).push(row));
  return { train, test };
}

/** Rounds to the nearest integer, halves to the even neighbour (numpy's `round`). */
export function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
