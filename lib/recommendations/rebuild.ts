import 'server-only';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';
import { must } from '@/lib/must';
import { COLLABORATIVE_DEFAULTS, itemNeighbours } from './collaborative';
import { buildContentModel, contentNeighbours } from './content';
import { FEATURE_WEIGHTS, productFeatures, type ProductFeatureRow } from './features';
import { blendNeighbours, HYBRID_DEFAULTS } from './hybrid';
import { createItemIndex } from './item-index';
import { buildUserItemMatrix, columnCounts } from './matrix';
import { scoreCatalog } from './popularity';
import { POSITIVE_RATING, SIGNAL_WEIGHTS } from './signals';
import { rowLength, truncateRows } from './sparse';
import { BUILD_STATE_KEY, LISTS_STATE_KEY, type BuildState, type RankedLists } from './state';
import type { Interaction, NeighbourTable } from './types';

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
  onProgress?: (stage: RebuildStage, fraction: number) => void;
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

/** Key of the advisory lock that serialises rebuilds across instances (any fixed 64-bit number). */
const REBUILD_LOCK = 7_230_411_902;
/** Events read per round trip. */
const EVENT_CHUNK = 250_000;
/** Rows per INSERT when writing the tables (arrays travel as one parameter each). */
const WRITE_CHUNK = 50_000;
/** Entries kept in each ranked fallback list (popular / trending, overall and per kind). */
const LIST_LENGTH = 60;
/** Above this many products the content model takes the shortcuts described in the rebuild. */
const LARGE_CATALOG = 10_000;
/** Half-life of "popular" (days): recent sales count more than old ones. */
const POPULAR_HALF_LIFE_DAYS = 30;

/** The SQL weight of an event: signals.ts as a CASE, 0 for ratings below POSITIVE_RATING. */
const weightSql = sql.raw(`case type
  when 'purchase' then ${SIGNAL_WEIGHTS.purchase}
  when 'rating' then case when coalesce(value, 0) >= ${POSITIVE_RATING} then ${SIGNAL_WEIGHTS.rating} else 0 end
  when 'wishlist' then ${SIGNAL_WEIGHTS.wishlist}
  when 'add_to_cart' then ${SIGNAL_WEIGHTS.add_to_cart}
  else ${SIGNAL_WEIGHTS.view} end`);

/**
 * Reads every positive event as (shopper, product, weight, epoch seconds). Anonymous visitors get a
 * negative shopper number from a hash of their id, so they count as shoppers without their id ever
 * leaving the database. Rows come as one text blob per range of ids, which is several times faster to
 * transfer and parse than a million row objects. All ranges are asked for at once: the connection
 * pipelines them, so the database aggregates the next range while this process parses the last.
 */
async function readEvents(
  executor: Executor,
  onChunk: (read: number, total: number) => void,
): Promise<{ interactions: Interaction[]; lastEventId: number }> {
  const [range] = await queryRows<{
    total: number;
    firstId: number | null;
    lastId: number | null;
  }>(
    executor,
    sql`select count(*)::int as total, min(id)::int8 as "firstId", max(id)::int8 as "lastId" from interaction_events`,
  );
  // An aggregate without group by always returns one row.
  const { total, firstId, lastId } = must(range, 'event range row');
  const interactions: Interaction[] = [];
  const lastEventId = Number(lastId ?? 0);
  if (firstId === null) return { interactions, lastEventId };
  const chunks: Promise<{ blob: string | null; n: number }[]>[] = [];
  for (let from = Number(firstId); from <= lastEventId; from += EVENT_CHUNK) {
    chunks.push(
      queryRows<{ blob: string | null; n: number }>(
        executor,
        sql`select string_agg(concat_ws(',', u, i, w, t), ' ') as blob, count(*)::int as n
          from (select coalesce(user_id, -1 - (hashtext(visitor_id) & 2147483647)) as u, product_id as i,
              ${weightSql} as w, extract(epoch from created_at)::int8 as t
            from interaction_events
            where id >= ${from} and id < ${Math.min(from + EVENT_CHUNK, lastEventId + 1)}
              and (user_id is not null or visitor_id is not null)) chunk`,
      ),
    );
  }
  let read = 0;
  for (const chunk of chunks) {
    const [row] = await chunk;
    if (row?.blob) parseEvents(row.blob, interactions);
    read += Number(row?.n ?? 0);
    onChunk(read, Math.max(read, Number(total)));
  }
  return { interactions, lastEventId };
}

/** Parses "u,i,w,t u,i,w,t …" (integers) into interactions, skipping zero weights. */
export function parseEvents(blob: string, out: Interaction[]): void {
  let field = 0;
  let sign = 1;
  let value = 0;
  const parts: [number, number, number, number] = [0, 0, 0, 0];
  for (let p = 0; p <= blob.length; p++) {
    const c = p < blob.length ? blob.charCodeAt(p) : 32;
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c === 45) sign = -1;
    else {
      parts[field++] = sign * value;
      sign = 1;
      value = 0;
      if (c === 32) {
        if (field === 4 && parts[2] > 0) out.push({ user: parts[0], item: parts[1], weight: parts[2], time: parts[3] });
        field = 0;
      }
    }
  }
}

/** The content features of every active product, in four grouped reads. */
async function readProducts(executor: Executor): Promise<ProductFeatureRow[]> {
  const base = await queryRows<{
    id: number;
    kind: string;
    decade: number | null;
    label: string | null;
    title: string;
    description: string | null;
  }>(
    executor,
    // Descriptions only for catalogs the content model reads them for (see LARGE_CATALOG).
    sql`select id, kind, decade, label, title,
        case when (select count(*) from products where status = 'active') <= ${LARGE_CATALOG}
          then left(description, 400) end as description
      from products where status = 'active' order by id`,
  );
  const [genres, people, formats] = await Promise.all([
    queryRows<{ id: number; list: string }>(
      executor,
      sql`select pg.product_id as id, string_agg(g.slug, ' ') as list
        from product_genres pg join genres g on g.id = pg.genre_id group by pg.product_id`,
    ),
    // Leading cast only: the fifth actor of a film says little about it.
    queryRows<{ id: number; list: string }>(
      executor,
      sql`select product_id as id, string_agg(distinct person_id::text, ' ') as list from credits
        where role <> 'cast' or sort_order < 4 group by product_id`,
    ),
    queryRows<{ id: number; list: string }>(
      executor,
      sql`select product_id as id, string_agg(distinct format::text, ' ') as list from editions
        where status = 'active' group by product_id`,
    ),
  ]);
  const split = (rows: { id: number; list: string }[]) => new Map(rows.map((r) => [r.id, r.list.split(' ')]));
  const genreMap = split(genres);
  const peopleMap = split(people);
  const formatMap = split(formats);
  return base.map((p) => ({
    ...p,
    genres: genreMap.get(p.id) ?? [],
    people: (peopleMap.get(p.id) ?? []).map(Number),
    formats: formatMap.get(p.id) ?? [],
  }));
}

/** Postgres array literal of numbers, passed as one text parameter and cast in SQL. */
function arrayLiteral(values: ArrayLike<number>, from: number, to: number): string {
  const parts: string[] = new Array(to - from);
  for (let p = from; p < to; p++) {
    const value = values[p];
    parts[p - from] = Number.isFinite(value) ? String(value) : '0';
  }
  return `{${parts.join(',')}}`;
}

/** A Postgres array literal of one row of a neighbour table: ids, or scores (5 decimals). */
function rowLiteral(table: NeighbourTable, row: number, what: 'ids' | 'scores'): string {
  const parts: string[] = [];
  // Positions between the row's offsets and their dense targets are inside the table's arrays.
  for (let p = table.offsets[row]!; p < table.offsets[row + 1]!; p++) {
    parts.push(what === 'ids' ? String(table.index.ids[table.targets[p]!]) : table.scores[p]!.toFixed(5));
  }
  return `{${parts.join(',')}}`;
}

/** Quotes array literals as the elements of a text[] literal. */
const textArray = (items: string[]) => `{${items.map((item) => `"${item}"`).join(',')}}`;

type Tables = Record<'collaborative' | 'content' | 'hybrid', NeighbourTable>;

/**
 * Writes one row per product that has any neighbour: its three lists (and the hybrid scores). Rows
 * go in chunks, each chunk one INSERT whose columns are arrays bound as single parameters. The chunks
 * are sent without waiting for the previous one (the connection pipelines them), so the database
 * inserts one chunk while this process formats the next.
 */
async function writeNeighbourLists(executor: Executor, tables: Tables, onRows: (n: number) => void): Promise<number> {
  const { ids } = tables.hybrid.index;
  const sources = ['collaborative', 'content', 'hybrid'] as const;
  const rows: { i: number; id: number }[] = [];
  for (const [i, id] of ids.entries()) {
    if (sources.some((source) => rowLength(tables[source], i) > 0)) rows.push({ i, id });
  }
  const chunk = 5000;
  const inserts: Promise<unknown>[] = [];
  for (let from = 0; from < rows.length; from += chunk) {
    const part = rows.slice(from, from + chunk);
    const column = (source: (typeof sources)[number], what: 'ids' | 'scores') =>
      textArray(part.map(({ i }) => rowLiteral(tables[source], i, what)));
    const insert =
      executor.execute(sql`insert into item_neighbours (product_id, collaborative_ids, content_ids, hybrid_ids,
        hybrid_scores)
      select p, ci::int[], ti::int[], hi::int[], hs::real[]
      from unnest(${arrayLiteral(
        Int32Array.from(part, ({ id }) => id),
        0,
        part.length,
      )}::int[],
        ${column('collaborative', 'ids')}::text[], ${column('content', 'ids')}::text[],
        ${column('hybrid', 'ids')}::text[], ${column('hybrid', 'scores')}::text[]) as t(p, ci, ti, hi, hs)`);
    inserts.push(insert.then(() => onRows(part.length)));
  }
  await Promise.all(inserts);
  return rows.length;
}

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
    const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${REBUILD_LOCK}) as ok`);
    if (!lock?.ok) {
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
    const totalRows = index.ids.length + 1;
    let written = 0;
    const onRows = (n: number) => progress('write', (written += n) / totalRows);
    await tx.execute(sql`delete from item_neighbours`);
    const products = await writeNeighbourLists(tx, tables, onRows);
    const rows = {
      products,
      collaborative: tables.collaborative.targets.length,
      content: tables.content.targets.length,
      hybrid: tables.hybrid.targets.length,
      scores: scoreRows.length,
    };
    await tx.execute(sql`delete from product_scores`);
    const ids = Int32Array.from(scoreRows, ({ id }) => id);
    const pop = Float64Array.from(scoreRows, ({ popular }) => popular);
    const trend = Float64Array.from(scoreRows, ({ trending }) => trending);
    for (let from = 0; from < ids.length; from += WRITE_CHUNK) {
      const to = Math.min(ids.length, from + WRITE_CHUNK);
      await tx.execute(sql`insert into product_scores (product_id, popularity, trending)
        select * from unnest(${arrayLiteral(ids, from, to)}::int[], ${arrayLiteral(pop, from, to)}::real[],
          ${arrayLiteral(trend, from, to)}::real[])`);
    }
    const state: BuildState = {
      lastEventId,
      lastProductId: productRows.reduce((max, p) => Math.max(max, p.id), 0),
      builtAt: new Date().toISOString(),
      events: interactions.length,
      products: productRows.length,
      durationMs: Math.round(performance.now() - started),
    };
    await tx.execute(sql`insert into recommender_state (key, value, updated_at)
      values (${BUILD_STATE_KEY}, ${JSON.stringify(state)}::jsonb, now()), (${LISTS_STATE_KEY}, ${JSON.stringify(lists)}::jsonb, now())
      on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`);
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
