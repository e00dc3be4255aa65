import { reasonKindForSignal, SIGNAL_WEIGHTS, type SignalType } from './signals';
import type { NeighbourTable, Reason, Recommendation } from './types';

/** One item of a shopper's history. */
export interface HistoryItem {
  item: number;
  signal?: SignalType;
  /** Overrides the signal's default weight. */
  weight?: number;
}

export interface RecommendOptions {
  /** Results wanted. Default 10. */
  k?: number;
  /** Items never to recommend: owned, in the cart, unavailable. */
  exclude?: Iterable<number>;
  /** Also leave out the items of the history itself. Default true. */
  excludeHistory?: boolean;
  /** The diversity key of an item (artist, series, franchise); undefined = no limit. */
  groupOf?: (item: number) => string | null | undefined;
  /** At most this many results per group. Default 2. */
  maxPerGroup?: number;
  /** Lists that fill the remaining places, in order (e.g. trending, then popular). */
  fallback?: readonly { kind: 'popular' | 'trending'; items: readonly number[] }[];
}

/**
 * Dense fast path used by the evaluation: adds Σ weight × similarity over the neighbours of each
 * source item into `scores` (indexed by dense item).
 */
export function accumulateNeighbourScores(
  table: NeighbourTable,
  items: ArrayLike<number>,
  weights: ArrayLike<number>,
  scores: Float64Array,
): void {
  const { offsets, targets } = table;
  const sims = table.scores;
  // Items are dense indices of the table with one weight each, and positions lie inside their
  // rows: typed-array reads carry a non-null `!`.
  for (let a = 0; a < items.length; a++) {
    const i = items[a]!;
    const w = weights[a]!;
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) scores[targets[p]!]! += w * sims[p]!;
  }
}

/**
 * A shopper's recommendations from a neighbour table: each candidate scores the sum of its
 * similarities to the history items, weighted by signal (a purchase counts more than a view).
 * Excluded items never appear; at most `maxPerGroup` results share a group; places left are
 * filled from the fallback lists. Every result names the history item that contributed most.
 */
export function recommendForUser(
  table: NeighbourTable,
  history: readonly HistoryItem[],
  options: RecommendOptions = {},
): Recommendation[] {
  const sources = strongestPerItem(history);
  const excluded = new Set(options.exclude ?? []);
  if (options.excludeHistory ?? true) for (const item of sources.keys()) excluded.add(item);

  const candidates = new Map<number, { score: number; best: number; source: number }>();
  for (const [item, { weight }] of sources) {
    const i = table.index.indexOf.get(item);
    if (i === undefined) continue;
    // Positions between a row's offsets, targets dense indices: in bounds, hence `!`.
    for (let p = table.offsets[i]!; p < table.offsets[i + 1]!; p++) {
      const target = table.index.ids[table.targets[p]!]!;
      if (excluded.has(target)) continue;
      const contribution = weight * table.scores[p]!;
      const c = candidates.get(target);
      if (!c) candidates.set(target, { score: contribution, best: contribution, source: item });
      else {
        c.score += contribution;
        if (contribution > c.best || (contribution === c.best && item < c.source)) {
          c.best = contribution;
          c.source = item;
        }
      }
    }
  }
  const personal: Recommendation[] = [...candidates]
    .filter(([, c]) => c.score > 0)
    .sort(([a, x], [b, y]) => y.score - x.score || a - b)
    .map(([item, c]) => ({
      item,
      score: c.score,
      reason: { kind: reasonKindForSignal(sources.get(c.source)!.signal), sourceItem: c.source },
    }));
  return finish(personal, excluded, options);
}

/**
 * "Similar items" for a product page: the item's neighbours, with exclusions, the group cap and
 * fallbacks applied; the reason is `similar` with the product as source.
 */
export function similarItems(
  table: NeighbourTable,
  item: number,
  options: Omit<RecommendOptions, 'excludeHistory'> = {},
): Recommendation[] {
  const excluded = new Set(options.exclude ?? []);
  excluded.add(item);
  const i = table.index.indexOf.get(item);
  const ranked: Recommendation[] = [];
  if (i !== undefined) {
    // As in recommendForUser: every read is inside the row.
    for (let p = table.offsets[i]!; p < table.offsets[i + 1]!; p++) {
      const target = table.index.ids[table.targets[p]!]!;
      const score = table.scores[p]!;
      if (excluded.has(target) || !(score > 0)) continue;
      ranked.push({
        item: target,
        score,
        reason: { kind: 'similar', sourceItem: item },
      });
    }
  }
  return finish(ranked, excluded, options);
}

/**
 * Greedy diversity re-rank: walks the list best first and skips an item once `maxPerGroup` items
 * of its group are taken; items without a group are never skipped. Returns at most `k` items.
 */
export function diversify<T extends { item: number }>(
  ranked: readonly T[],
  groupOf: ((item: number) => string | null | undefined) | undefined,
  maxPerGroup: number,
  k: number,
): T[] {
  const taken = new Map<string, number>();
  const out: T[] = [];
  for (const entry of ranked) {
    if (out.length >= k) break;
    const group = groupOf?.(entry.item);
    if (group != null) {
      const n = taken.get(group) ?? 0;
      if (n >= maxPerGroup) continue;
      taken.set(group, n + 1);
    }
    out.push(entry);
  }
  return out;
}

/** Appends fallbacks to the personal list, then applies the group cap and the length. */
function finish(personal: Recommendation[], excluded: Set<number>, options: RecommendOptions): Recommendation[] {
  const k = options.k ?? 10;
  const seen = new Set(personal.map((r) => r.item));
  const all = [...personal];
  for (const { kind, items } of options.fallback ?? []) {
    for (const item of items) {
      if (excluded.has(item) || seen.has(item)) continue;
      seen.add(item);
      all.push({ item, score: 0, reason: { kind } satisfies Reason });
    }
  }
  return diversify(all, options.groupOf, options.maxPerGroup ?? 2, k);
}

/** One entry per history item: its strongest signal and weight. */
function strongestPerItem(history: readonly HistoryItem[]): Map<number, { weight: number; signal?: SignalType }> {
  const out = new Map<number, { weight: number; signal?: SignalType }>();
  for (const h of history) {
    const weight = h.weight ?? (h.signal ? SIGNAL_WEIGHTS[h.signal] : 1);
    if (!(weight > 0)) continue;
    const current = out.get(h.item);
    if (!current || weight > current.weight) out.set(h.item, { weight, signal: h.signal });
  }
  return out;
}
