import { scoreProfile, type ContentModel } from './content';
import { summarize, type RankingMetrics } from './metrics';
import { accumulateNeighbourScores } from './rank';
import { TopK } from './top-k';
import type { Interaction, ItemIndex, NeighbourTable } from './types';

/** One user's training history in dense item indices. */
export interface UserHistory {
  user: number;
  items: Int32Array;
  values: Float64Array;
  times: Float64Array;
}

/** Writes a score for every dense item into `scores` (zero-filled on entry). */
export type Scorer = (history: UserHistory, scores: Float64Array) => void;

/** A train/test split over a catalog, grouped per user for fast repeated evaluation. */
export interface EvalSet {
  index: ItemIndex;
  train: readonly Interaction[];
  /** Users with at least one training and one test item. */
  users: { history: UserHistory; relevant: Set<number> }[];
}

/**
 * Groups a split per user; only users with ≥ 1 training and ≥ 1 test interaction are evaluated
 * (the reference protocol). Items outside the index are ignored.
 */
export function prepareEvalSet(index: ItemIndex, train: readonly Interaction[], test: readonly Interaction[]): EvalSet {
  const histories = new Map<number, { items: number[]; values: number[]; times: number[] }>();
  for (const ev of train) {
    const i = index.indexOf.get(ev.item);
    if (i === undefined) continue;
    let h = histories.get(ev.user);
    if (!h) histories.set(ev.user, (h = { items: [], values: [], times: [] }));
    h.items.push(i);
    h.values.push(ev.weight);
    h.times.push(ev.time);
  }
  const relevant = new Map<number, Set<number>>();
  for (const ev of test) {
    const i = index.indexOf.get(ev.item);
    if (i === undefined || !histories.has(ev.user)) continue;
    let set = relevant.get(ev.user);
    if (!set) relevant.set(ev.user, (set = new Set()));
    set.add(i);
  }
  const users = [...relevant.keys()]
    .sort((a, b) => a - b)
    .map((user) => {
      const h = histories.get(user)!;
      return {
        history: {
          user,
          items: Int32Array.from(h.items),
          values: Float64Array.from(h.values),
          times: Float64Array.from(h.times),
        },
        relevant: relevant.get(user)!,
      };
    });
  return { index, train, users };
}

export interface EvaluateOptions {
  k?: number;
  /** Only these dense items may be recommended (e.g. the cold items of a cold-start slice). */
  candidates?: Uint8Array;
  /** Only these dense items count as relevant; users left without any are skipped. */
  relevantFilter?: Uint8Array;
}

/**
 * Full-ranking evaluation: every user's scores over the whole catalog (or the candidates), their
 * training items excluded, the top K kept (ties to the lower index) and compared with the
 * held-out items. Coverage is relative to the candidate set (the whole catalog by default).
 */
export function evaluateScorer(set: EvalSet, scorer: Scorer, options: EvaluateOptions = {}): RankingMetrics {
  const k = options.k ?? 10;
  const nItems = set.index.ids.length;
  const scores = new Float64Array(nItems);
  const top = new TopK(k);
  const cases: { ranked: Int32Array; relevant: Set<number> }[] = [];
  const { candidates, relevantFilter } = options;
  for (const { history, relevant } of set.users) {
    const rel = relevantFilter ? new Set([...relevant].filter((i) => relevantFilter[i])) : relevant;
    if (rel.size === 0) continue;
    scores.fill(0);
    scorer(history, scores);
    for (const i of history.items) scores[i] = -Infinity;
    // i runs below nItems, the length of `scores`.
    for (let i = 0; i < nItems; i++) {
      const score = scores[i]!;
      if (score === -Infinity || (candidates && !candidates[i])) continue;
      top.push(i, score);
    }
    const ranked = new Int32Array(top.length);
    top.drain(ranked, new Float64Array(ranked.length));
    cases.push({ ranked, relevant: rel });
  }
  let catalog = nItems;
  if (candidates) catalog = candidates.reduce((n, c) => n + (c ? 1 : 0), 0);
  return summarize(cases, catalog, k);
}

/** Scores a user by the neighbour lists of their training items (weighted by their values). */
export function neighbourScorer(table: NeighbourTable): Scorer {
  return (history, scores) => accumulateNeighbourScores(table, history.items, history.values, scores);
}

/** Scores a user by the cosine of every item with their content profile. */
export function profileScorer(model: ContentModel): Scorer {
  return (history, scores) => scoreProfile(model, history.items, history.values, scores);
}

/** Scores every user with the same per-item scores (popularity). */
export function staticScorer(itemScores: Float64Array): Scorer {
  return (_history, scores) => scores.set(itemScores);
}
