import { buildUserItemMatrix, type MatrixOptions, type UserItemMatrix } from './matrix';
import { normalizeRows, SparseRowsBuilder } from './sparse';
import { TopK } from './top-k';
import type { Interaction, NeighbourTable } from './types';

/**
 * Settings of the item-to-item model; every field has a default that suits a store
 * ({@link COLLABORATIVE_DEFAULTS}, time decay included: `halfLifeDays` defaults to 365 here).
 */
export interface CollaborativeOptions extends MatrixOptions {
  /** Neighbours kept per item. Default 100. */
  neighbours?: number;
  /**
   * Asymmetric cosine exponent: sim(i→j) = c(i,j) / (‖i‖^(2α) ‖j‖^(2(1−α))). 0.5 is the cosine;
   * values below 0.5 divide more by the target's norm, i.e. damp popular targets (with
   * `normalize`, the source's part cancels out and only the target damping remains). Default 0.4.
   */
  alpha?: number;
  /** Shrinkage: similarities are multiplied by n/(n + shrink), n = number of common users. Default 10. */
  shrink?: number;
  /**
   * Users with many items say less about each pair: a user's contribution is divided by
   * (their item count)^userDamping. 0 = off. Default 0.5.
   */
  userDamping?: number;
  /** Scale every neighbour list so its best score is 1 (each item then votes equally). Default true. */
  normalize?: boolean;
}

/**
 * Defaults for a store without tuning: mild damping of bestsellers (α 0.4) and of heavy users,
 * shrinkage against pairs seen once or twice, 100 neighbours (the size of the stored table) and a
 * one-year half-life so that tastes and the catalog can move on.
 */
export const COLLABORATIVE_DEFAULTS = {
  neighbours: 100,
  alpha: 0.4,
  shrink: 10,
  userDamping: 0.5,
  normalize: true,
  halfLifeDays: 365,
  maxItemsPerUser: 500,
} as const;

/**
 * Item-to-item collaborative filtering over co-occurring positive interactions: builds the
 * user × item matrix (signal weights, time decay) and returns the top-k neighbours of every item.
 */
export function buildCollaborative(
  interactions: readonly Interaction[],
  options: CollaborativeOptions = {},
): NeighbourTable {
  const matrix = buildUserItemMatrix(interactions, {
    ...options,
    halfLifeDays: options.halfLifeDays ?? COLLABORATIVE_DEFAULTS.halfLifeDays,
    maxItemsPerUser: options.maxItemsPerUser ?? COLLABORATIVE_DEFAULTS.maxItemsPerUser,
  });
  return itemNeighbours(matrix, options);
}

/**
 * The neighbour table of a prepared matrix. Sparse accumulation per item (Gustavson's
 * algorithm): for item i, walk its users and their items, adding into one dense accumulator, then
 * keep the k best with a heap. Cost O(Σ_users items²), memory O(items × k).
 */
export function itemNeighbours(matrix: UserItemMatrix, options: CollaborativeOptions = {}): NeighbourTable {
  const k = options.neighbours ?? COLLABORATIVE_DEFAULTS.neighbours;
  const alpha = options.alpha ?? COLLABORATIVE_DEFAULTS.alpha;
  const shrink = options.shrink ?? COLLABORATIVE_DEFAULTS.shrink;
  const damping = options.userDamping ?? COLLABORATIVE_DEFAULTS.userDamping;
  const normalize = options.normalize ?? COLLABORATIVE_DEFAULTS.normalize;
  const { rowOffsets, rowItems, rowValues, colOffsets, colUsers, colValues } = matrix;
  const nItems = matrix.index.ids.length;
  const nUsers = matrix.userIds.length;
  // Indices come from the matrix's own offsets and dense numbers, so every typed-array read below
  // is in bounds and carries a non-null `!`.

  // Per-user damping factor and per-item (damped) squared norms raised to their exponents.
  const userFactor = new Float64Array(nUsers);
  for (let u = 0; u < nUsers; u++) {
    userFactor[u] = Math.pow(rowOffsets[u + 1]! - rowOffsets[u]!, -damping);
  }
  const srcNorm = new Float64Array(nItems);
  const dstNorm = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) {
    let sq = 0;
    for (let p = colOffsets[i]!; p < colOffsets[i + 1]!; p++) {
      const value = colValues[p]!;
      sq += userFactor[colUsers[p]!]! * value * value;
    }
    srcNorm[i] = Math.pow(sq, alpha);
    dstNorm[i] = Math.pow(sq, 1 - alpha);
  }

  const acc = new Float64Array(nItems);
  const common = new Int32Array(nItems);
  const touched = new Int32Array(nItems);
  const top = new TopK(k);
  const rows = new SparseRowsBuilder(nItems, Math.min(nItems * k, 1 << 20));

  for (let i = 0; i < nItems; i++) {
    let nTouched = 0;
    for (let p = colOffsets[i]!; p < colOffsets[i + 1]!; p++) {
      const u = colUsers[p]!;
      const f = userFactor[u]! * colValues[p]!;
      for (let q = rowOffsets[u]!; q < rowOffsets[u + 1]!; q++) {
        const j = rowItems[q]!;
        if (j === i) continue;
        if (common[j] === 0) touched[nTouched++] = j;
        common[j]!++;
        acc[j]! += f * rowValues[q]!;
      }
    }
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t]!;
      const n = common[j]!;
      top.push(j, (acc[j]! / (srcNorm[i]! * dstNorm[j]!)) * (n / (n + shrink)));
      acc[j] = 0;
      common[j] = 0;
    }
    rows.appendRow(top);
  }
  const table = rows.finish(matrix.index);
  if (normalize) normalizeRows(table);
  return table;
}
