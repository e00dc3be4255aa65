/**
 * Shared shapes of the recommenders. Everything here is plain data, so the same functions run on
 * events read from Postgres, on MovieLens files in the offline evaluation, and on hand-made test
 * data.
 */

/** One positive signal: a user did something with an item at a time (epoch seconds). */
export interface Interaction {
  user: number;
  item: number;
  /** Strength of the signal, e.g. {@link SIGNAL_WEIGHTS} (purchase 5 … view 1). */
  weight: number;
  /** Epoch seconds. */
  time: number;
}

/** Content of one item as feature tokens (`genre:jazz`, `person:12`, `decade:1960`) and free text. */
export interface ItemFeatures {
  item: number;
  tokens: string[];
  /** Title/description; split into words and weighted below the tokens. */
  text?: string;
}

/** Dense numbering of the catalog, shared by every model built on it. */
export interface ItemIndex {
  /** Item id of each dense index. */
  ids: Int32Array;
  /** Dense index of each item id. */
  indexOf: Map<number, number>;
}

/**
 * Top-k neighbours of every item in compressed sparse rows: the neighbours of dense item `i` are
 * `targets[offsets[i] .. offsets[i + 1])` (dense indices) with `scores` in decreasing order.
 * Read as "a shopper interested in i is likely interested in target".
 */
export interface NeighbourTable {
  index: ItemIndex;
  offsets: Int32Array;
  targets: Int32Array;
  scores: Float32Array;
}

/** Why an item is recommended; `sourceItem` is the item that contributed most to its score. */
export interface Reason {
  kind: 'because_bought' | 'because_viewed' | 'similar' | 'popular' | 'trending';
  sourceItem?: number;
}

/** One recommended item. */
export interface Recommendation {
  item: number;
  score: number;
  reason: Reason;
}
