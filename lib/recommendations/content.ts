import { must } from '@/lib/must';
import { tokenize } from '@/lib/catalog/search/normalize';
import { createItemIndex } from './item-index';
import { normalizeRows, SparseRowsBuilder } from './sparse';
import { TopK } from './top-k';
import type { ItemFeatures, ItemIndex, NeighbourTable } from './types';

/**
 * Content-based similarity: every item is a TF-IDF vector over its feature tokens (`genre:jazz`,
 * `person:12`, `decade:1960` …) and the words of its text, L2-normalised, so the dot product of
 * two items is their cosine similarity.
 */
export interface ContentModel {
  index: ItemIndex;
  vocabulary: string[];
  /** Item vectors in CSR: tokens and weights of dense item i at [offsets[i], offsets[i + 1]). */
  offsets: Int32Array;
  tokens: Int32Array;
  weights: Float32Array;
  /** The inverted index: items and weights of token t at [postingOffsets[t], postingOffsets[t + 1]). */
  postingOffsets: Int32Array;
  postingItems: Int32Array;
  postingWeights: Float32Array;
}

export interface ContentOptions {
  /** The catalog. Default: the items of `features`, in order. */
  index?: ItemIndex;
  /** Weight of text words relative to feature tokens. Default 0.5. */
  textWeight?: number;
  /** Extra weight per token prefix, e.g. `{ person: 2 }` for `person:*` tokens. Default 1. */
  prefixWeights?: Readonly<Record<string, number>>;
}

/** Builds the TF-IDF vectors (idf = ln((N + 1) / df), so a token on every item weighs ~0). */
export function buildContentModel(features: readonly ItemFeatures[], options: ContentOptions = {}): ContentModel {
  const index = options.index ?? createItemIndex(features.map((f) => f.item));
  const textWeight = options.textWeight ?? 0.5;
  const prefixWeights = options.prefixWeights ?? {};
  const n = index.ids.length;
  const vocabulary: string[] = [];
  const tokenOf = new Map<string, number>();
  const raw: Map<number, number>[] = Array.from({ length: n }, () => new Map());

  const add = (row: Map<number, number>, token: string, weight: number) => {
    let t = tokenOf.get(token);
    if (t === undefined) {
      t = vocabulary.length;
      tokenOf.set(token, t);
      vocabulary.push(token);
    }
    row.set(t, (row.get(t) ?? 0) + weight);
  };
  for (const f of features) {
    const i = index.indexOf.get(f.item);
    if (i === undefined) continue;
    const row = must(raw[i], `content row of item ${f.item}`);
    for (const token of f.tokens) {
      const colon = token.indexOf(':');
      add(row, token, colon > 0 ? (prefixWeights[token.slice(0, colon)] ?? 1) : 1);
    }
    if (f.text && textWeight > 0) {
      for (const word of tokenize(f.text)) add(row, `word:${word}`, textWeight);
    }
  }

  // From here on, token numbers index the vocabulary and positions lie between a row's offsets,
  // so typed-array reads carry a non-null `!`.
  const df = new Int32Array(vocabulary.length);
  for (const row of raw) for (const t of row.keys()) df[t]!++;
  const offsets = new Int32Array(n + 1);
  for (const [i, row] of raw.entries()) offsets[i + 1] = offsets[i]! + row.size;
  const size = offsets[n]!;
  const tokens = new Int32Array(size);
  const weights = new Float32Array(size);
  for (const [i, row] of raw.entries()) {
    let p = offsets[i]!;
    let norm = 0;
    for (const [t, w] of [...row].sort((a, b) => a[0] - b[0])) {
      const x = w * Math.log((n + 1) / df[t]!);
      tokens[p] = t;
      weights[p++] = x;
      norm += x * x;
    }
    norm = Math.sqrt(norm);
    if (norm > 0) for (let q = offsets[i]!; q < p; q++) weights[q]! /= norm;
  }

  const postingOffsets = new Int32Array(vocabulary.length + 1);
  for (let t = 0; t < vocabulary.length; t++) postingOffsets[t + 1] = postingOffsets[t]! + df[t]!;
  const fill = postingOffsets.slice(0, vocabulary.length);
  const postingItems = new Int32Array(size);
  const postingWeights = new Float32Array(size);
  for (let i = 0; i < n; i++) {
    for (let p = offsets[i]!; p < offsets[i + 1]!; p++) {
      const q = fill[tokens[p]!]!++;
      postingItems[q] = i;
      postingWeights[q] = weights[p]!;
    }
  }
  return { index, vocabulary, offsets, tokens, weights, postingOffsets, postingItems, postingWeights };
}

/**
 * Adds, into `scores`, the dot product of every item with the sparse query vector
 * (`queryTokens` → `queryWeights`): cosine similarity when the query is L2-normalised.
 */
export function scoreQuery(
  model: ContentModel,
  queryTokens: ArrayLike<number>,
  queryWeights: ArrayLike<number>,
  scores: Float64Array,
): void {
  const { postingOffsets, postingItems, postingWeights } = model;
  // The query's tokens belong to the model's vocabulary and have one weight each; postings lie
  // between their offsets: reads carry a non-null `!`.
  for (let a = 0; a < queryTokens.length; a++) {
    const t = queryTokens[a]!;
    const w = queryWeights[a]!;
    for (let p = postingOffsets[t]!; p < postingOffsets[t + 1]!; p++)
      scores[postingItems[p]!]! += w * postingWeights[p]!;
  }
}

export interface ContentNeighbourOptions {
  /** Neighbours kept per item. Default 100. */
  neighbours?: number;
  /**
   * Candidate neighbours of an item are the items sharing one of its tokens that are on at most
   * this many items (plus its rarest token, so every item gets candidates); candidates are then
   * scored by their exact cosine, common tokens included. Walking the postings of tokens such as
   * `kind:album` for every album is what makes exact all-pairs search quadratic. When even the
   * rarest token is on more items, an even sample of `maxPostings` of them is taken. Default 2000.
   */
  maxPostings?: number;
  /** Scale each list so its best score is 1. Default false (raw cosines). */
  normalize?: boolean;
  /**
   * For large catalogs: score candidates first by the rare tokens only (walking their postings, one
   * multiply-add each), then compute the exact cosine of just the best `candidates` of them. Default
   * unlimited (every candidate is scored exactly). A few times `neighbours` keeps the lists nearly
   * the same while turning a 50,000-product catalog from tens of seconds into about one.
   */
  candidates?: number;
}

/** The top-k most similar items (cosine) of every item. */
export function contentNeighbours(model: ContentModel, options: ContentNeighbourOptions = {}): NeighbourTable {
  const n = model.index.ids.length;
  const top = new TopK(options.neighbours ?? 100);
  const rows = new SparseRowsBuilder(n, Math.min(n * top.k, 1 << 20));
  const maxPostings = options.maxPostings ?? 2000;
  const { offsets, tokens, weights, postingOffsets, postingItems } = model;
  // Items, tokens and postings are numbered densely by the model (and candidates below nCandidates
  // were written just before), so every typed-array read below is in bounds and carries a `!`.
  const df = (t: number) => postingOffsets[t + 1]! - postingOffsets[t]!;
  const query = new Float64Array(model.vocabulary.length);
  const seen = new Uint8Array(n);
  const candidates = new Int32Array(n);
  const cap = options.candidates ?? Infinity;
  const partial = Number.isFinite(cap) ? new Float64Array(n) : null;
  const shortlist = partial ? new TopK(cap) : null;
  const { postingWeights } = model;
  for (let i = 0; i < n; i++) {
    const from = offsets[i]!;
    const to = offsets[i + 1]!;
    let rarest = -1;
    for (let p = from; p < to; p++) {
      const t = tokens[p]!;
      const w = weights[p]!;
      query[t] = w;
      if (w > 0 && (rarest < 0 || df(t) < df(rarest))) rarest = t;
    }
    let nCandidates = 0;
    seen[i] = 1;
    for (let p = from; p < to; p++) {
      const t = tokens[p]!;
      const w = weights[p]!;
      if (w === 0 || (df(t) > maxPostings && t !== rarest)) continue;
      // A rarest token that is still common is sampled evenly down to `maxPostings` items.
      const step = Math.max(1, Math.ceil(df(t) / maxPostings));
      for (let q = postingOffsets[t]!; q < postingOffsets[t + 1]!; q += step) {
        const j = postingItems[q]!;
        if (partial) partial[j]! += w * postingWeights[q]!;
        if (!seen[j]) {
          seen[j] = 1;
          candidates[nCandidates++] = j;
        }
      }
    }
    if (partial && shortlist && nCandidates > cap) {
      // Keep the best `cap` by partial score; the others are dropped before the exact cosine.
      for (let c = 0; c < nCandidates; c++) {
        const j = candidates[c]!;
        shortlist.push(j, partial[j]!);
        partial[j] = 0;
        seen[j] = 0;
      }
      const kept = new Float64Array(shortlist.length);
      nCandidates = shortlist.drain(candidates, kept);
      for (let c = 0; c < nCandidates; c++) seen[candidates[c]!] = 1;
    } else if (partial) {
      for (let c = 0; c < nCandidates; c++) partial[candidates[c]!] = 0;
    }
    for (let c = 0; c < nCandidates; c++) {
      const j = candidates[c]!;
      let dot = 0;
      for (let p = offsets[j]!; p < offsets[j + 1]!; p++) dot += query[tokens[p]!]! * weights[p]!;
      if (dot > 0) top.push(j, dot);
      seen[j] = 0;
    }
    seen[i] = 0;
    for (let p = from; p < to; p++) query[tokens[p]!] = 0;
    rows.appendRow(top);
  }
  const table = rows.finish(model.index);
  if (options.normalize) normalizeRows(table);
  return table;
}

/**
 * Scores every item for a user by cosine with their profile: the sum of the vectors of their
 * items, each scaled by its interaction weight. Adds into `scores`.
 */
export function scoreProfile(
  model: ContentModel,
  items: ArrayLike<number>,
  itemWeights: ArrayLike<number>,
  scores: Float64Array,
): void {
  const profile = new Map<number, number>();
  // Items are dense indices of the model, with one weight each; positions lie inside their rows.
  for (let a = 0; a < items.length; a++) {
    const i = items[a]!;
    const weight = itemWeights[a]!;
    for (let p = model.offsets[i]!; p < model.offsets[i + 1]!; p++) {
      const t = model.tokens[p]!;
      profile.set(t, (profile.get(t) ?? 0) + weight * model.weights[p]!);
    }
  }
  let norm = 0;
  for (const w of profile.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  scoreQuery(
    model,
    [...profile.keys()],
    [...profile.values()].map((w) => w / norm),
    scores,
  );
}
