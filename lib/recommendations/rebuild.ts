import 'server-only';
import type { Executor } from '@/db';
import { COLLABORATIVE_DEFAULTS, itemNeighbours } from './collaborative';
import { buildContentModel, contentNeighbours } from './content';
import { FEATURE_WEIGHTS, productFeatures, type ProductFeatureRow } from './features';
import { blendNeighbours, HYBRID_DEFAULTS } from './hybrid';
import { createItemIndex } from './item-index';
import { buildUserItemMatrix, columnCounts } from './matrix';
import { scoreCatalog } from './popularity';
import {
  LARGE_CATALOG,
  readEvents,
  readProducts,
  tryRebuildLock,
  writeNeighbourLists,
  writeProductScores,
  writeRebuildState,
} from './rebuild-sql';
import { truncateRows } from './sparse';
import type { BuildState, RankedLists } from './state';
import type { Interaction, ItemIndex, NeighbourTable } from './types';

type Progress = (stage: RebuildStage, fraction: number) => void;

/**
 * The rebuild: reads the interaction events and the product features from the database, runs the
 * recommenders of this folder and replaces the neighbour tables (`item_neighbours`), the scores
 * (`product_scores`) and the ranked fallback lists (`recommender_state`), all in one transaction:
 * readers see the old tables until the new ones are committed. A transaction-level advisory lock
 * makes a second, concurrent rebuild (another instance, the CLI) return at once instead of doing
 * the same work twice. Callers that run inside a request invalidate the `recommendations` and
 * catalog cache tags themselves (lib/actions/personalization and the admin route do).
 */

export const REBUILD_STAGES = [
  'events',
  'products',
  'collaborative',
  'content',
  'hybrid',
  'popularity',
  'write',
] as const;
export type RebuildStage = (typeof REBUILD_STAGES)[number];

export interface RebuildOptions {
  /** Neighbours stored per product and recommender. Default 20 (a rail shows at most 12). */
  neighbours?: number;
  /** Reference time of the time decay and of "trending". Default: now. */
  now?: Date;
  /** Called as work advances: the stage and the fraction (0–1) of it done. */
  onProgress?: Progress;
}

export interface RebuildSummary {
  /** False when another rebuild held the lock: nothing was done. */
  ran: boolean;
  events: number;
  shoppers: number;
  products: number;
  /** Products with neighbour lists, pairs per recommender, products with scores. */
  rows: { products: number; collaborative: number; content: number; hybrid: number; scores: number };
  lastEventId: number;
  /** Milliseconds per stage, and in all. */
  timings: Partial<Record<RebuildStage, number>>;
  totalMs: number;
}

/** Entries kept in each ranked fallback list (popular / trending, overall and per kind). */
const LIST_LENGTH = 60;
/** Half-life of "popular" (days): recent sales count more than old ones. */
const POPULAR_HALF_LIFE_DAYS = 30;

/** Drops neighbours whose score is not positive (a content cosine of 0 says nothing). */
function positiveOnly(table: NeighbourTable): NeighbourTable {
  const n = table.offsets.length - 1;
  const offsets = new Int32Array(n + 1);
  const targets = new Int32Array(table.targets.length);
  const scores = new Float32Array(table.targets.length);
  let size = 0;
  // Rows below n and positions between their offsets: every read is in bounds, hence `!`.
  for (let i = 0; i < n; i++) {
    for (let p = table.offsets[i]!; p < table.offsets[i + 1]!; p++) {
      const target = table.targets[p]!;
      const score = table.scores[p]!;
      if (score > 0 && target !== i) {
        targets[size] = target;
        scores[size++] = score;
      }
    }
    offsets[i + 1] = size;
  }
  return { index: table.index, offsets, targets: targets.slice(0, size), scores: scores.slice(0, size) };
}

/**
 * The best LIST_LENGTH products by score (ties by id), overall and per kind, with a positive score;
 * `scores` is indexed like `products` (the dense catalog order).
 */
function rankedLists(
  scores: Float64Array,
  products: readonly { id: number; kind: string }[],
): Record<string, number[]> {
  const ranked = products
    .map(({ id, kind }, i) => ({ id, kind, score: scores[i] ?? 0 }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || a.id - b.id);
  const all: number[] = [];
  const byKind = new Map(products.map(({ kind }) => [kind, [] as number[]]));
  for (const { id, kind } of ranked) {
    if (all.length < LIST_LENGTH) all.push(id);
    const list = byKind.get(kind);
    if (list && list.length < LIST_LENGTH) list.push(id);
  }
  return { all, ...Object.fromEntries(byKind) };
}

/**
 * The recommenders, run one after the other on what the rebuild read: collaborative and content
 * neighbours, their blend, and the popularity scores with their ranked lists, ready to be written.
 */
function buildModels(
  interactions: Interaction[],
  productRows: ProductFeatureRow[],
  index: ItemIndex,
  { k, now, progress, lap }: { k: number; now: number; progress: Progress; lap: (stage: RebuildStage) => void },
) {
  // Large catalogs take shortcuts to keep the rebuild within seconds: both recommenders hand the
  // blend 2·k neighbours per product (it keeps k) instead of 100, and the content model reads no
  // descriptions and proposes fewer candidates (below).
  const large = productRows.length > LARGE_CATALOG;
  const blendInput = (usual: number) => (large ? Math.min(usual, 2 * k) : usual);
  progress('collaborative', 0);
  // buildCollaborative, with the matrix kept: its columns are the evidence counts of the blend.
  const matrix = buildUserItemMatrix(interactions, {
    index,
    now,
    halfLifeDays: COLLABORATIVE_DEFAULTS.halfLifeDays,
    maxItemsPerUser: COLLABORATIVE_DEFAULTS.maxItemsPerUser,
  });
  const cf = itemNeighbours(matrix, { neighbours: blendInput(COLLABORATIVE_DEFAULTS.neighbours) });
  const counts = columnCounts(matrix);
  const shoppers = matrix.userIds.length;
  lap('collaborative');

  progress('content', 0);
  // Large catalogs: only tokens on at most 0.2% of the catalog (and at least 100 items) propose
  // candidates, of which the 4·n best are scored exactly.
  const model = buildContentModel(
    productRows.map((row) => productFeatures(row, !large)),
    { index, prefixWeights: FEATURE_WEIGHTS, textWeight: 0.5 },
  );
  const contentK = blendInput(HYBRID_DEFAULTS.neighbours);
  const content = contentNeighbours(model, {
    neighbours: contentK,
    maxPostings: large ? Math.max(100, Math.ceil(productRows.length / 500)) : 2000,
    candidates: large ? 4 * contentK : undefined,
  });
  lap('content');

  progress('hybrid', 0);
  const hybrid = blendNeighbours(cf, content, counts, { neighbours: k });
  lap('hybrid');

  progress('popularity', 0);
  const scores = scoreCatalog(interactions, index, { now, popularHalfLifeDays: POPULAR_HALF_LIFE_DAYS });
  const lists: RankedLists = {
    popular: rankedLists(scores.popular, productRows),
    trending: rankedLists(scores.trending, productRows),
  };
  lap('popularity');

  progress('write', 0);
  const tables = {
    collaborative: positiveOnly(truncateRows(cf, k)),
    content: positiveOnly(truncateRows(content, k)),
    hybrid: positiveOnly(hybrid),
  };
  // Scores are indexed in catalog order, like productRows.
  const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const scoreRows = productRows.flatMap(({ id }, i) => {
    const popular = scores.popular[i] ?? 0;
    const trending = scores.trending[i] ?? 0;
    return popular > 0 || trending > 0 ? [{ id, popular: round4(popular), trending: round4(trending) }] : [];
  });
  return { tables, lists, scoreRows, shoppers };
}

/** Replaces the neighbour lists, the scores and the bookkeeping; returns the row counts. */
async function writeTables(
  tx: Executor,
  { tables, lists, scoreRows }: Pick<ReturnType<typeof buildModels>, 'tables' | 'lists' | 'scoreRows'>,
  run: Omit<BuildState, 'builtAt' | 'durationMs'> & { started: number; onRows: (written: number) => void },
): Promise<RebuildSummary['rows']> {
  let written = 0;
  const products = await writeNeighbourLists(tx, tables, (n) => run.onRows((written += n)));
  await writeProductScores(tx, scoreRows);
  const state: BuildState = {
    lastEventId: run.lastEventId,
    lastProductId: run.lastProductId,
    builtAt: new Date().toISOString(),
    events: run.events,
    products: run.products,
    durationMs: Math.round(performance.now() - run.started),
  };
  await writeRebuildState(tx, state, lists);
  return {
    products,
    collaborative: tables.collaborative.targets.length,
    content: tables.content.targets.length,
    hybrid: tables.hybrid.targets.length,
    scores: scoreRows.length,
  };
}

/**
 * Recomputes every recommendation table from the events and the catalog. Safe to call from several
 * instances at once (the second returns `{ ran: false }`) and from inside a transaction (the seed
 * does: it then runs in a savepoint).
 */
export async function rebuildRecommendations(
  executor: Executor,
  options: RebuildOptions = {},
): Promise<RebuildSummary> {
  const started = performance.now();
  const timings: Partial<Record<RebuildStage, number>> = {};
  const progress = options.onProgress ?? (() => {});
  const k = options.neighbours ?? 20;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  let mark = performance.now();
  const lap = (stage: RebuildStage) => {
    const t = performance.now();
    timings[stage] = Math.round(t - mark);
    mark = t;
    progress(stage, 1);
  };

  return executor.transaction(async (tx) => {
    if (!(await tryRebuildLock(tx))) {
      return {
        ran: false,
        events: 0,
        shoppers: 0,
        products: 0,
        rows: { products: 0, collaborative: 0, content: 0, hybrid: 0, scores: 0 },
        lastEventId: 0,
        timings,
        totalMs: 0,
      };
    }

    progress('events', 0);
    // Both reads are sent at once (pipelined on the transaction's connection): the catalog is read
    // by the database while the events are parsed here.
    const catalog = readProducts(tx);
    catalog.catch(() => {}); // Awaited below; an early failure must not go unhandled meanwhile.
    const { interactions, lastEventId } = await readEvents(tx, (read, total) => progress('events', read / total));
    lap('events');

    progress('products', 0);
    const productRows = await catalog;
    const index = createItemIndex(productRows.map((p) => p.id));
    lap('products');

    const { tables, lists, scoreRows, shoppers } = buildModels(interactions, productRows, index, {
      k,
      now,
      progress,
      lap,
    });
    const rows = await writeTables(
      tx,
      { tables, lists, scoreRows },
      {
        lastEventId,
        lastProductId: productRows.reduce((max, p) => Math.max(max, p.id), 0),
        events: interactions.length,
        products: productRows.length,
        started,
        onRows: (written) => progress('write', written / (index.ids.length + 1)),
      },
    );
    lap('write');

    return {
      ran: true,
      events: interactions.length,
      shoppers,
      products: productRows.length,
      rows,
      lastEventId,
      timings,
      totalMs: Math.round(performance.now() - started),
    };
  });
}
