import { decayFactor, latestTime } from './decay';
import type { Interaction } from './types';

export interface ScoredItem {
  item: number;
  score: number;
}

/** Ranked lists: `all` always, and one per kind when `kindOf` is given. */
export type RankedByKind = { all: ScoredItem[]; [kind: string]: ScoredItem[] };

export interface PopularityOptions {
  /** Half-life of the decay in days; Infinity (default) counts all history equally. */
  halfLifeDays?: number;
  /** Reference time (epoch seconds). Default: the latest interaction. */
  now?: number;
  /** Kind of an item (`album`, `film` …); results are grouped by it as well as under `all`. */
  kindOf?: (item: number) => string | undefined;
  /** Items kept per group. Default 100. */
  limit?: number;
}

/** Sum of signal weights per item, each event decayed by its age. */
export function popularityScores(
  interactions: readonly Interaction[],
  options: Pick<PopularityOptions, 'halfLifeDays' | 'now'> = {},
): Map<number, number> {
  const now = options.now ?? latestTime(interactions);
  const halfLife = options.halfLifeDays ?? Infinity;
  const scores = new Map<number, number>();
  for (const ev of interactions) {
    if (!(ev.weight > 0)) continue;
    const s = ev.weight * decayFactor(ev.time, now, halfLife);
    scores.set(ev.item, (scores.get(ev.item) ?? 0) + s);
  }
  return scores;
}

/**
 * The most popular items overall (`all`) and per kind, best first (ties by item id). With a
 * half-life this is "popular lately" rather than "best-selling ever".
 */
export function rankPopular(interactions: readonly Interaction[], options: PopularityOptions = {}): RankedByKind {
  return groupAndRank(popularityScores(interactions, options), options);
}

export interface TrendingOptions extends PopularityOptions {
  /** Half-life of the "recent" window in days. Default 7. */
  halfLifeDays?: number;
  /** Half-life of the long-run baseline in days. Default 90. */
  baselineHalfLifeDays?: number;
  /** Only items whose recent rate is at least this multiple of their usual rate. Default 1.5. */
  minLift?: number;
}

/**
 * Items whose recent activity exceeds their usual level. A decayed sum with half-life h
 * approximates rate × h / ln 2, so score = recent − baseline × (h_recent / h_baseline) is the
 * excess of the recent rate over the long-run rate, in recent-window events: about 0 for a steady
 * seller, large for a rising item. Listed: items whose recent rate is at least `minLift` times
 * their long-run rate, by decreasing excess.
 */
export function rankTrending(interactions: readonly Interaction[], options: TrendingOptions = {}): RankedByKind {
  const now = options.now ?? latestTime(interactions);
  const recentHalfLife = options.halfLifeDays ?? 7;
  const baselineHalfLife = options.baselineHalfLifeDays ?? 90;
  const recent = popularityScores(interactions, { now, halfLifeDays: recentHalfLife });
  const baseline = popularityScores(interactions, { now, halfLifeDays: baselineHalfLife });
  const ratio = recentHalfLife / baselineHalfLife;
  const minLift = options.minLift ?? 1.5;
  const scores = new Map<number, number>();
  for (const [item, r] of recent) {
    const usual = (baseline.get(item) ?? 0) * ratio;
    if (r > 0 && r >= minLift * usual) scores.set(item, r - usual);
  }
  return groupAndRank(scores, options);
}

function groupAndRank(scores: Map<number, number>, { kindOf, limit = 100 }: PopularityOptions): RankedByKind {
  const ranked = [...scores]
    .map(([item, score]) => ({ item, score }))
    .sort((a, b) => b.score - a.score || a.item - b.item);
  const groups: RankedByKind = { all: ranked.slice(0, limit) };
  if (kindOf) {
    for (const entry of ranked) {
      const kind = kindOf(entry.item);
      if (kind === undefined || kind === 'all') continue;
      const list = (groups[kind] ??= []);
      if (list.length < limit) list.push(entry);
    }
  }
  return groups;
}

/**
 * Popularity and trend of every catalog item in one pass over the events, on dense arrays (the
 * rebuild's fast path over a million events): `popular[i]` is {@link popularityScores} with the given
 * half-life, `trending[i]` the excess of {@link rankTrending} (0 when the item is not trending).
 * Items outside the index are ignored.
 */
export function scoreCatalog(
  interactions: readonly Interaction[],
  index: { ids: ArrayLike<number>; indexOf: Map<number, number> },
  options: { now: number; popularHalfLifeDays: number } & Pick<
    TrendingOptions,
    'halfLifeDays' | 'baselineHalfLifeDays' | 'minLift'
  >,
): { popular: Float64Array; trending: Float64Array } {
  const n = index.ids.length;
  const popular = new Float64Array(n);
  const recent = new Float64Array(n);
  const baseline = new Float64Array(n);
  const recentHalfLife = options.halfLifeDays ?? 7;
  const baselineHalfLife = options.baselineHalfLifeDays ?? 90;
  // Dense indices come from the index (or run below n), inside all four arrays: reads carry `!`.
  for (const ev of interactions) {
    if (!(ev.weight > 0)) continue;
    const i = index.indexOf.get(ev.item);
    if (i === undefined) continue;
    popular[i]! += ev.weight * decayFactor(ev.time, options.now, options.popularHalfLifeDays);
    recent[i]! += ev.weight * decayFactor(ev.time, options.now, recentHalfLife);
    baseline[i]! += ev.weight * decayFactor(ev.time, options.now, baselineHalfLife);
  }
  const ratio = recentHalfLife / baselineHalfLife;
  const minLift = options.minLift ?? 1.5;
  const trending = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const usual = baseline[i]! * ratio;
    const r = recent[i]!;
    if (r > 0 && r >= minLift * usual) trending[i] = r - usual;
  }
  return { popular, trending };
}
