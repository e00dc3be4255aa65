/**
 * Recommenders of the store: pure, database-free computations. The app feeds them interaction
 * events and product features read from Postgres and stores the neighbour tables they return;
 * the offline evaluation (`npm run recs:eval`) feeds them MovieLens data.
 */
export type { Interaction, ItemFeatures, ItemIndex, NeighbourTable, Reason, Recommendation } from './types';
export { POSITIVE_RATING, reasonKindForSignal, SIGNAL_WEIGHTS, signalWeight, type SignalType } from './signals';
export { createItemIndex, indexFromInteractions, neighbourRows, neighboursOf } from './item-index';
export { buildUserItemMatrix, type MatrixOptions, type UserItemMatrix } from './matrix';
export { buildCollaborative, COLLABORATIVE_DEFAULTS, itemNeighbours, type CollaborativeOptions } from './collaborative';
export {
  buildContentModel,
  contentNeighbours,
  scoreProfile,
  type ContentModel,
  type ContentNeighbourOptions,
  type ContentOptions,
} from './content';
export { blendNeighbours, HYBRID_DEFAULTS, interactionCounts, type HybridOptions } from './hybrid';
export {
  popularityScores,
  rankPopular,
  rankTrending,
  scoreCatalog,
  type PopularityOptions,
  type ScoredItem,
  type TrendingOptions,
} from './popularity';
export {
  accumulateNeighbourScores,
  diversify,
  recommendForUser,
  similarItems,
  type HistoryItem,
  type RecommendOptions,
} from './rank';
export { catalogCoverage, hitAtK, ndcgAtK, recallAtK, summarize, type RankingMetrics } from './metrics';
export { roundHalfEven, temporalSplit } from './protocol';
export {
  evaluateScorer,
  neighbourScorer,
  prepareEvalSet,
  profileScorer,
  staticScorer,
  type EvalSet,
  type Scorer,
  type UserHistory,
} from './evaluate';
export { DEFAULT_GRID, tuneModels, type TunedParameters, type TuningGrid, type TuningReport } from './tune';
// The MovieLens readers of the offline evaluation, all of them.
export * from './movielens';
export { MODELS, runOfflineEvaluation, type ModelName, type OfflineReport } from './offline';
