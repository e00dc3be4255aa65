import { must } from '../must';
import { COLLABORATIVE_DEFAULTS, itemNeighbours, type CollaborativeOptions } from './collaborative';
import { buildContentModel, contentNeighbours, type ContentModel, type ContentOptions } from './content';
import { evaluateScorer, neighbourScorer, prepareEvalSet, profileScorer, type EvalSet } from './evaluate';
import { blendNeighbours, interactionCounts, type HybridOptions } from './hybrid';
import { buildUserItemMatrix } from './matrix';
import { temporalSplit } from './protocol';
import { truncateRows } from './sparse';
import type { Interaction, ItemFeatures, ItemIndex, NeighbourTable } from './types';

/** Candidate values tried by {@link tuneModels}. */
export interface TuningGrid {
  alpha: number[];
  userDamping: number[];
  shrink: number[];
  neighbours: number[];
  halfLifeDays: number[];
  textWeight: number[];
  evidence: number[];
  contentScale: number[];
}

/** A small grid of values that make sense for any store; ~70 validation runs. */
export const DEFAULT_GRID: TuningGrid = {
  alpha: [0.3, 0.4, 0.5],
  userDamping: [0.5, 1],
  shrink: [0, 10],
  neighbours: [50, 100, 200, 400],
  halfLifeDays: [Infinity, 365, 90, 30],
  textWeight: [0, 0.25, 0.5, 1],
  evidence: [10, 30, 100, 300],
  contentScale: [0.5, 1, 2, 4],
};

export interface TunedParameters {
  collaborative: CollaborativeOptions;
  content: ContentOptions;
  hybrid: HybridOptions;
}

export interface TuningReport {
  params: TunedParameters;
  /** Validation NDCG@k of the chosen setting of each model. */
  validation: { collaborative: number; content: number; hybrid: number };
  /** Settings evaluated. */
  runs: number;
  ms: number;
}

/**
 * Chooses hyper-parameters without looking at any test data: the given (training) interactions
 * are split again with {@link temporalSplit}, every candidate is fitted on the earlier part and
 * scored by NDCG@k on each user's latest interactions. The search is coordinate-wise: the CF
 * similarity settings first (a full grid, each neighbour count cut from the longest list), then
 * the time decay; the content text weight; then the hybrid blend on top of the chosen CF and
 * content models. Ties keep the earlier grid value.
 * One function (~90 lines) because the stages share the split and each stage's choice feeds the
 * next; it reads as the coordinate-wise search it is.
 */
export function tuneModels(input: {
  index: ItemIndex;
  interactions: readonly Interaction[];
  features: readonly ItemFeatures[];
  grid?: TuningGrid;
  fraction?: number;
  k?: number;
  /** Validation users scored per run at most (an evenly spaced subset beyond). Default 2000. */
  maxUsers?: number;
}): TuningReport {
  const started = performance.now();
  const grid = input.grid ?? DEFAULT_GRID;
  const { index } = input;
  const { train, test } = temporalSplit(input.interactions, input.fraction ?? 0.2);
  const set = sampleUsers(prepareEvalSet(index, train, test), input.maxUsers ?? 2000);
  const k = input.k ?? 10;
  let runs = 0;
  const ndcgOf = (table: NeighbourTable) => {
    runs++;
    return evaluateScorer(set, neighbourScorer(table), { k }).ndcg;
  };

  // 1. CF similarity settings, no decay.
  const maxItemsPerUser = COLLABORATIVE_DEFAULTS.maxItemsPerUser;
  const matrix = buildUserItemMatrix(train, { index, maxItemsPerUser });
  const longest = Math.max(...grid.neighbours);
  let cf: CollaborativeOptions = {};
  let cfTable: NeighbourTable | undefined;
  let cfScore = -1;
  for (const alpha of grid.alpha) {
    for (const userDamping of grid.userDamping) {
      for (const shrink of grid.shrink) {
        const options = {
          alpha,
          userDamping,
          shrink,
          neighbours: longest,
          maxItemsPerUser,
          halfLifeDays: Infinity,
        };
        const full = itemNeighbours(matrix, options);
        for (const neighbours of grid.neighbours) {
          const table = neighbours === longest ? full : truncateRows(full, neighbours);
          const score = ndcgOf(table);
          if (score > cfScore) [cf, cfTable, cfScore] = [{ ...options, neighbours }, table, score];
        }
      }
    }
  }
  // 2. Time decay.
  for (const halfLifeDays of grid.halfLifeDays) {
    if (!Number.isFinite(halfLifeDays)) continue;
    const decayed = buildUserItemMatrix(train, { index, maxItemsPerUser, halfLifeDays });
    const table = itemNeighbours(decayed, cf);
    const score = ndcgOf(table);
    if (score > cfScore) [cf, cfTable, cfScore] = [{ ...cf, halfLifeDays }, table, score];
  }

  // 3. Content: weight of title/description words against feature tokens.
  let content: ContentOptions = {};
  let contentModel: ContentModel | undefined;
  let contentScore = -1;
  for (const textWeight of grid.textWeight) {
    const model = buildContentModel(input.features, { index, textWeight });
    runs++;
    const score = evaluateScorer(set, profileScorer(model), { k }).ndcg;
    if (score > contentScore) [content, contentModel, contentScore] = [{ textWeight }, model, score];
  }

  // 4. Hybrid blend of the chosen models.
  const neighbours = cf.neighbours;
  const contentTable = contentNeighbours(contentModel!, { neighbours });
  const counts = interactionCounts(train, index);
  let hybrid: HybridOptions = {};
  let hybridScore = -1;
  for (const evidence of grid.evidence) {
    for (const contentScale of grid.contentScale) {
      const options = { evidence, contentScale, neighbours };
      const score = ndcgOf(blendNeighbours(cfTable!, contentTable, counts, options));
      if (score > hybridScore) [hybrid, hybridScore] = [options, score];
    }
  }

  return {
    params: { collaborative: cf, content, hybrid },
    validation: { collaborative: cfScore, content: contentScore, hybrid: hybridScore },
    runs,
    ms: performance.now() - started,
  };
}

/** Every (n / max)-th user, so that tuning on a large data set stays fast. */
function sampleUsers(set: EvalSet, max: number): EvalSet {
  const n = set.users.length;
  if (n <= max) return set;
  return {
    ...set,
    users: Array.from({ length: max }, (_, k) => must(set.users[Math.floor((k * n) / max)], 'sampled user')),
  };
}
