/**
 * Top-K ranking metrics with binary relevance, as used in the recommender literature.
 * `ranked` is a recommendation list best first; only its first `k` entries count.
 */

/** Share of the relevant items found in the top k (0 when nothing is relevant). */
export function recallAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  return hits(ranked, relevant, k) / relevant.size;
}

/**
 * Normalised discounted cumulative gain: Σ over hits at rank r (1-based) of 1/log2(r + 1),
 * divided by the ideal DCG of min(|relevant|, k) hits at the top.
 */
export function ndcgAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  for (const [r, item] of head(ranked, k).entries()) if (relevant.has(item)) dcg += 1 / Math.log2(r + 2);
  let ideal = 0;
  for (let r = 0; r < Math.min(relevant.size, k); r++) ideal += 1 / Math.log2(r + 2);
  return dcg / ideal;
}

/** 1 when at least one relevant item is in the top k, else 0. */
export function hitAtK(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  return hits(ranked, relevant, k) > 0 ? 1 : 0;
}

/** Distinct items in any of the top-k lists divided by the catalog size. */
export function catalogCoverage(lists: Iterable<ArrayLike<number>>, catalogSize: number, k: number): number {
  if (catalogSize === 0) return 0;
  const seen = new Set<number>();
  for (const list of lists) {
    for (const item of head(list, k)) seen.add(item);
  }
  return seen.size / catalogSize;
}

/** Mean metrics over users. */
export interface RankingMetrics {
  recall: number;
  ndcg: number;
  hitRate: number;
  coverage: number;
  /** Users evaluated. */
  users: number;
}

/**
 * Averages recall, NDCG and hit rate over users (each with a non-empty relevant set) and
 * computes coverage over `catalogSize` items.
 */
export function summarize(
  cases: readonly { ranked: ArrayLike<number>; relevant: ReadonlySet<number> }[],
  catalogSize: number,
  k: number,
): RankingMetrics {
  let recall = 0;
  let ndcg = 0;
  let hitRate = 0;
  let users = 0;
  for (const { ranked, relevant } of cases) {
    if (relevant.size === 0) continue;
    users++;
    recall += recallAtK(ranked, relevant, k);
    ndcg += ndcgAtK(ranked, relevant, k);
    hitRate += hitAtK(ranked, relevant, k);
  }
  const mean = (x: number) => (users ? x / users : 0);
  return {
    recall: mean(recall),
    ndcg: mean(ndcg),
    hitRate: mean(hitRate),
    coverage: catalogCoverage(
      cases.filter((c) => c.relevant.size > 0).map((c) => c.ranked),
      catalogSize,
      k,
    ),
    users,
  };
}

function hits(ranked: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): number {
  return head(ranked, k).filter((item) => relevant.has(item)).length;
}

/** The first `k` entries of a ranked list. */
function head(ranked: ArrayLike<number>, k: number): number[] {
  return Array.from(ranked).slice(0, Math.max(0, k));
}
