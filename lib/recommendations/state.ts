/** Keys and shapes of the rebuild's bookkeeping rows in `recommender_state`. */

/** Key of the row describing the last rebuild ({@link BuildState}). */
export const BUILD_STATE_KEY = 'build';
/** Key of the row holding the ranked fallback lists ({@link RankedLists}). */
export const LISTS_STATE_KEY = 'lists';

/** What the last rebuild saw and when it ran. */
export interface BuildState {
  /** Highest interaction event id included. */
  lastEventId: number;
  /** Highest product id in the catalog at the time (new products need content neighbours). */
  lastProductId: number;
  builtAt: string;
  events: number;
  products: number;
  durationMs: number;
}

/** Product ids, best first: overall (`all`) and per kind (`album`, `film`, `series`, `game`). */
export interface RankedLists {
  popular: Record<string, number[]>;
  trending: Record<string, number[]>;
}

/** When the background job rebuilds. */
export interface RebuildPolicy {
  /** Rebuild once this many events arrived since the last rebuild. */
  minNewEvents: number;
  /** Rebuild when anything changed and the last rebuild is older than this. */
  maxAgeMs: number;
}

export const REBUILD_POLICY: RebuildPolicy = { minNewEvents: 500, maxAgeMs: 3 * 3600 * 1000 };

/**
 * Whether a rebuild is due: never built; enough new events; or something new (an event or a
 * product) and the tables older than the policy allows.
 */
export function rebuildDue(
  state: Pick<BuildState, 'lastEventId' | 'lastProductId' | 'builtAt'> | null,
  current: { lastEventId: number; lastProductId: number },
  now: number,
  policy: RebuildPolicy = REBUILD_POLICY,
): boolean {
  if (!state) return current.lastProductId > 0;
  const newEvents = current.lastEventId - state.lastEventId;
  if (newEvents >= policy.minNewEvents) return true;
  const changed = newEvents > 0 || current.lastProductId !== state.lastProductId;
  return changed && now - Date.parse(state.builtAt) >= policy.maxAgeMs;
}
