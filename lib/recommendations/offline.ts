import { must } from '../must';
import { buildCollaborative } from './collaborative';
import { buildContentModel, contentNeighbours } from './content';
import { evaluateScorer, neighbourScorer, prepareEvalSet, profileScorer, staticScorer, type Scorer } from './evaluate';
import { blendNeighbours, interactionCounts } from './hybrid';
import { createItemIndex } from './item-index';
import type { RankingMetrics } from './metrics';
import { movieFeatures, positiveInteractions, type Movie, type Rating } from './movielens';
import { temporalSplit } from './protocol';
import { DEFAULT_GRID, tuneModels, type TunedParameters, type TuningGrid } from './tune';

export const MODELS = ['popularity', 'collaborative', 'content', 'hybrid'] as const;
export type ModelName = (typeof MODELS)[number];

export type Metrics = Pick<RankingMetrics, 'recall' | 'ndcg' | 'hitRate' | 'coverage'>;

export interface OfflineReport {
  models: Record<ModelName, Metrics & { buildMs: number }>;
  coldStart: Record<ModelName, Metrics> & { users: number; items: number };
  tuning: {
    params: TunedParameters;
    validation: { collaborative: number; content: number; hybrid: number };
    runs: number;
    ms: number;
  };
  data: { users: number; items: number; positives: number; train: number; test: number };
}

/**
 * The offline evaluation of the literature on MovieLens-style data: ratings ≥ `minRating` are
 * positives; the temporal split holds out each user's latest 20 %; hyper-parameters are tuned on
 * a second split of the training part only (see {@link tuneModels}); each model is then built on
 * the whole training part (timed) and ranks the full catalog for every user, their training items
 * excluded. The cold-start slice keeps the users with held-out items that have no training
 * history and ranks only such items (the "new arrivals" a store must place without history).
 * One function (~80 lines): it is the protocol, step by step, and each step uses the previous ones.
 */
export function runOfflineEvaluation(input: {
  ratings: readonly Rating[];
  movies: readonly Movie[];
  k?: number;
  minRating?: number;
  testFraction?: number;
  grid?: TuningGrid;
}): OfflineReport {
  const k = input.k ?? 10;
  const positives = positiveInteractions(input.ratings, input.minRating ?? 4);
  const index = createItemIndex([...input.movies.map((m) => m.item), ...input.ratings.map((r) => r.item)]);
  const features = input.movies.map(movieFeatures);
  const { train, test } = temporalSplit(positives, input.testFraction ?? 0.2);
  const set = prepareEvalSet(index, train, test);

  const tuning = tuneModels({ index, interactions: train, features, grid: input.grid ?? DEFAULT_GRID, k });
  const { params } = tuning;

  const timed = <T>(build: () => T): [T, number] => {
    const started = performance.now();
    const value = build();
    return [value, performance.now() - started];
  };
  const [popularity, popularityMs] = timed(() => {
    const counts = new Float64Array(index.ids.length);
    for (const ev of train) {
      const i = must(index.indexOf.get(ev.item), `index entry of item ${ev.item}`);
      counts[i] = (counts[i] ?? 0) + ev.weight;
    }
    return counts;
  });
  const [cfTable, cfMs] = timed(() => buildCollaborative(train, { ...params.collaborative, index }));
  const [contentModel, contentMs] = timed(() => buildContentModel(features, { ...params.content, index }));
  const [hybridTable, hybridMs] = timed(() => {
    const cf = buildCollaborative(train, { ...params.collaborative, index });
    const model = buildContentModel(features, { ...params.content, index });
    const content = contentNeighbours(model, { neighbours: params.hybrid.neighbours });
    return blendNeighbours(cf, content, interactionCounts(train, index), params.hybrid);
  });

  const scorers: Record<ModelName, [Scorer, number]> = {
    popularity: [staticScorer(popularity), popularityMs],
    collaborative: [neighbourScorer(cfTable), cfMs],
    content: [profileScorer(contentModel), contentMs],
    hybrid: [neighbourScorer(hybridTable), hybridMs],
  };

  const cold = new Uint8Array(index.ids.length).fill(1);
  for (const ev of train) cold[index.indexOf.get(ev.item)!] = 0;
  const coldRelevant = new Set<number>();
  let coldUsers = 0;
  for (const { relevant } of set.users) {
    const mine = [...relevant].filter((i) => cold[i]);
    mine.forEach((i) => coldRelevant.add(i));
    if (mine.length) coldUsers++;
  }

  const models = {} as OfflineReport['models'];
  const coldStart = { users: coldUsers, items: coldRelevant.size } as OfflineReport['coldStart'];
  for (const name of MODELS) {
    const [scorer, buildMs] = scorers[name];
    models[name] = { ...pick(evaluateScorer(set, scorer, { k })), buildMs: round(buildMs) };
    coldStart[name] = pick(evaluateScorer(set, scorer, { k, candidates: cold, relevantFilter: cold }));
  }
  return {
    models,
    coldStart,
    tuning: {
      params: tuning.params,
      validation: tuning.validation,
      runs: tuning.runs,
      ms: round(tuning.ms),
    },
    data: {
      users: new Set(positives.map((p) => p.user)).size,
      items: index.ids.length,
      positives: positives.length,
      train: train.length,
      test: test.length,
    },
  };
}

function pick(m: RankingMetrics): Metrics {
  return { recall: m.recall, ndcg: m.ndcg, hitRate: m.hitRate, coverage: m.coverage };
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
