const SECONDS_PER_DAY = 86_400;

/**
 * Exponential time decay: 1 at `now`, 0.5 one half-life earlier. An infinite (or non-positive)
 * half-life disables decay; events from the future count as now.
 */
export function decayFactor(time: number, now: number, halfLifeDays: number): number {
  if (!(halfLifeDays > 0) || !Number.isFinite(halfLifeDays)) return 1;
  const age = Math.max(0, now - time) / SECONDS_PER_DAY;
  return Math.pow(0.5, age / halfLifeDays);
}

/** The latest time among the interactions (0 when there are none). */
export function latestTime(interactions: readonly { time: number }[]): number {
  let now = 0;
  for (const { time } of interactions) if (time > now) now = time;
  return now;
}
