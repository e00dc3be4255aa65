import type { TopK } from './top-k';
import type { NeighbourTable } from './types';

/**
 * Grows CSR rows from successive top-k selections.
 *
 * Here and in the row helpers below, offsets are read at row numbers below their length and
 * scores between a row's offsets, so indexed reads carry a non-null `!`.
 */
export class SparseRowsBuilder {
  private offsets: Int32Array;
  private targets: Int32Array;
  private scores: Float32Array;
  private rows = 0;

  constructor(nRows: number, capacity: number) {
    this.offsets = new Int32Array(nRows + 1);
    this.targets = new Int32Array(Math.max(16, capacity));
    this.scores = new Float32Array(this.targets.length);
  }

  appendRow(top: TopK): void {
    const size = this.offsets[this.rows]!;
    if (size + top.length > this.targets.length) {
      const grown = Math.max(this.targets.length * 2, size + top.length);
      const targets = new Int32Array(grown);
      targets.set(this.targets);
      const scores = new Float32Array(grown);
      scores.set(this.scores);
      this.targets = targets;
      this.scores = scores;
    }
    const n = top.drain(this.targets, this.scores, size);
    this.offsets[++this.rows] = size + n;
  }

  finish(index: NeighbourTable['index']): NeighbourTable {
    const size = this.offsets[this.rows]!;
    return {
      index,
      offsets: this.offsets,
      targets: this.targets.slice(0, size),
      scores: this.scores.slice(0, size),
    };
  }
}

/** Number of entries in row `r` of a table (0 for a row outside it). */
export function rowLength(table: NeighbourTable, r: number): number {
  const from = table.offsets[r];
  const to = table.offsets[r + 1];
  return from === undefined || to === undefined ? 0 : to - from;
}

/** Scales each row so that its best score is 1. */
export function normalizeRows(table: NeighbourTable): void {
  const { offsets, scores } = table;
  for (let r = 0; r + 1 < offsets.length; r++) {
    let best = 0;
    const from = offsets[r]!;
    const to = offsets[r + 1]!;
    for (let p = from; p < to; p++) {
      const score = scores[p]!;
      if (score > best) best = score;
    }
    if (best > 0) for (let p = from; p < to; p++) scores[p]! /= best;
  }
}

/** The first `k` entries of every row (rows are best first, so this is the top-k table). */
export function truncateRows(table: NeighbourTable, k: number): NeighbourTable {
  const n = table.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  for (let r = 0; r < n; r++) {
    offsets[r + 1] = offsets[r]! + Math.min(k, rowLength(table, r));
  }
  const size = offsets[n]!;
  const targets = new Int32Array(size);
  const scores = new Float32Array(size);
  for (let r = 0; r < n; r++) {
    const from = table.offsets[r]!;
    const to = offsets[r]!;
    const len = offsets[r + 1]! - to;
    targets.set(table.targets.subarray(from, from + len), to);
    scores.set(table.scores.subarray(from, from + len), to);
  }
  return { index: table.index, offsets, targets, scores };
}
