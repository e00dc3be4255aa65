import { decayFactor, latestTime } from './decay';
import { indexFromInteractions } from './item-index';
import type { Interaction, ItemIndex } from './types';

/**
 * The user × item matrix of positive interactions in compressed sparse rows (users) and columns
 * (items). Each (user, item) cell holds the strongest decayed signal of that pair, so one
 * purchase outweighs any number of views and repeated views do not inflate a pair.
 */
export interface UserItemMatrix {
  index: ItemIndex;
  /** User id of each dense row. */
  userIds: Int32Array;
  rowOffsets: Int32Array;
  /** Dense item indices of each row. */
  rowItems: Int32Array;
  rowValues: Float32Array;
  /** Latest event time of each cell (epoch seconds). */
  rowTimes: Float64Array;
  colOffsets: Int32Array;
  /** Dense user rows of each item column. */
  colUsers: Int32Array;
  colValues: Float32Array;
}

export interface MatrixOptions {
  /** The catalog; items outside it are ignored. Default: the items of the interactions. */
  index?: ItemIndex;
  /** Half-life of the time decay in days; Infinity (default) disables it. */
  halfLifeDays?: number;
  /** Reference time for the decay (epoch seconds). Default: the latest interaction. */
  now?: number;
  /** Keep only each user's most recent distinct items (bounds the cost of heavy users). */
  maxItemsPerUser?: number;
}

/**
 * Builds the matrix in O(events) with counting sorts; interactions with a non-positive weight or
 * an item outside the index are skipped.
 *
 * Every typed-array index below is bounded by construction (dense user and item numbers, counting
 * sort offsets, loop conditions), so reads carry a non-null `!` instead of a check in the loop.
 * One function on purpose (~100 lines): the passes share their typed arrays and run over every
 * event of the store; split into helpers they would pass half a dozen arrays around for no clarity.
 */
export function buildUserItemMatrix(interactions: readonly Interaction[], options: MatrixOptions = {}): UserItemMatrix {
  const index = options.index ?? indexFromInteractions(interactions);
  const halfLife = options.halfLifeDays ?? Infinity;
  const now = options.now ?? latestTime(interactions);
  const cap = options.maxItemsPerUser ?? Infinity;
  const nItems = index.ids.length;

  // 1. Dense user numbers, per-event arrays, events per user.
  const userOf = new Map<number, number>();
  const userIdList: number[] = [];
  const m = interactions.length;
  const evUser = new Int32Array(m);
  const evItem = new Int32Array(m);
  const evValue = new Float64Array(m);
  const evTime = new Float64Array(m);
  let count = 0;
  let perUser: number[] = [];
  for (const ev of interactions) {
    if (!(ev.weight > 0)) continue;
    const item = index.indexOf.get(ev.item);
    if (item === undefined) continue;
    let u = userOf.get(ev.user);
    if (u === undefined) {
      u = userIdList.length;
      userOf.set(ev.user, u);
      userIdList.push(ev.user);
      perUser.push(0);
    }
    perUser[u]!++;
    evUser[count] = u;
    evItem[count] = item;
    evValue[count] = ev.weight * decayFactor(ev.time, now, halfLife);
    evTime[count] = ev.time;
    count++;
  }
  const nUsers = userIdList.length;

  // 2. Counting sort of the events by user.
  const start = new Int32Array(nUsers + 1);
  for (let u = 0; u < nUsers; u++) start[u + 1] = start[u]! + perUser[u]!;
  perUser = [];
  const fill = start.slice(0, nUsers);
  const order = new Int32Array(count);
  for (let e = 0; e < count; e++) order[fill[evUser[e]!]!++] = e;

  // 3. One cell per (user, item): strongest value, latest time; optionally the most recent `cap`.
  const slot = new Int32Array(nItems).fill(-1);
  const rowOffsets = new Int32Array(nUsers + 1);
  let rowItems = new Int32Array(count);
  let rowValues = new Float32Array(count);
  let rowTimes = new Float64Array(count);
  let nnz = 0;
  for (let u = 0; u < nUsers; u++) {
    const rowStart = nnz;
    for (let p = start[u]!; p < start[u + 1]!; p++) {
      const e = order[p]!;
      const item = evItem[e]!;
      const s = slot[item]!;
      const value = evValue[e]!;
      const time = evTime[e]!;
      if (s < 0) {
        slot[item] = nnz;
        rowItems[nnz] = item;
        rowValues[nnz] = value;
        rowTimes[nnz] = time;
        nnz++;
      } else {
        if (value > rowValues[s]!) rowValues[s] = value;
        if (time > rowTimes[s]!) rowTimes[s] = time;
      }
    }
    for (let p = rowStart; p < nnz; p++) slot[rowItems[p]!] = -1;
    if (nnz - rowStart > cap) nnz = rowStart + keepMostRecent(rowItems, rowValues, rowTimes, rowStart, nnz, cap);
    rowOffsets[u + 1] = nnz;
  }
  rowItems = rowItems.slice(0, nnz);
  rowValues = rowValues.slice(0, nnz);
  rowTimes = rowTimes.slice(0, nnz);

  // 4. Transpose into columns.
  const colOffsets = new Int32Array(nItems + 1);
  for (let p = 0; p < nnz; p++) colOffsets[rowItems[p]! + 1]!++;
  for (let i = 0; i < nItems; i++) colOffsets[i + 1]! += colOffsets[i]!;
  const colFill = colOffsets.slice(0, nItems);
  const colUsers = new Int32Array(nnz);
  const colValues = new Float32Array(nnz);
  for (let u = 0; u < nUsers; u++) {
    for (let p = rowOffsets[u]!; p < rowOffsets[u + 1]!; p++) {
      const q = colFill[rowItems[p]!]!++;
      colUsers[q] = u;
      colValues[q] = rowValues[p]!;
    }
  }

  return {
    index,
    userIds: Int32Array.from(userIdList),
    rowOffsets,
    rowItems,
    rowValues,
    rowTimes,
    colOffsets,
    colUsers,
    colValues,
  };
}

/** Distinct users per dense item of a matrix (the length of each column): the evidence of the blend. */
export function columnCounts(matrix: UserItemMatrix): Float64Array {
  const { colOffsets } = matrix;
  const counts = new Float64Array(matrix.index.ids.length);
  // i + 1 ≤ the number of items, the last of the column offsets.
  for (let i = 0; i < counts.length; i++) counts[i] = colOffsets[i + 1]! - colOffsets[i]!;
  return counts;
}

/** Compacts row [from, to) to its `cap` most recent cells (stable for equal times); returns cap. */
function keepMostRecent(
  items: Int32Array,
  values: Float32Array,
  times: Float64Array,
  from: number,
  to: number,
  cap: number,
): number {
  // Cells are positions in [from, to), inside the arrays.
  const cells = Array.from({ length: to - from }, (_, k) => from + k);
  cells.sort((a, b) => times[b]! - times[a]! || a - b);
  const kept = cells.slice(0, cap).sort((a, b) => a - b);
  const copy = kept.map((p) => [items[p]!, values[p]!, times[p]!] as const);
  copy.forEach(([item, value, time], k) => {
    items[from + k] = item;
    values[from + k] = value;
    times[from + k] = time;
  });
  return cap;
}
