import 'server-only';
import { count, eq, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '@/db';
import { credits, editions, genres, productGenres, products } from '@/lib/catalog/schema';
import { must } from '@/lib/must';
import type { ProductFeatureRow } from './features';
import { interactionEvents, itemNeighbours, productScores, recommenderState } from './schema';
import { POSITIVE_RATING, SIGNAL_WEIGHTS } from './signals';
import { rowLength } from './sparse';
import { BUILD_STATE_KEY, LISTS_STATE_KEY, type BuildState, type RankedLists } from './state';
import type { Interaction, NeighbourTable } from './types';

// The rebuild's reads and bulk writes (rebuild.ts runs them). Raw SQL where the builder cannot say
// it: events streamed as text blobs, the advisory lock, and the tables loaded through unnest() of
// array parameters (a 50,000-row insert would need more bind parameters than Postgres allows).
// tests/integration/recommendations-flow.test.ts rebuilds from real events and reads the tables back.

/** Events read per round trip. */
const EVENT_CHUNK = 250_000;
/** Rows per INSERT when writing the scores (arrays travel as one parameter each). */
const WRITE_CHUNK = 50_000;
/** Above this many products the content model takes the shortcuts described in the rebuild. */
export const LARGE_CATALOG = 10_000;
/** Key of the advisory lock that serialises rebuilds across instances (any fixed 64-bit number). */
const REBUILD_LOCK = 7_230_411_902;

/** A range of events as one text blob "u,i,w,t u,i,w,t …" and how many events it holds. */
type EventChunkRow = { blob: string | null; n: number };

/** Takes the rebuild's transaction-level lock; false when another rebuild holds it. */
export async function tryRebuildLock(tx: Executor): Promise<boolean> {
  const [lock] = await queryRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${REBUILD_LOCK}) as ok`);
  return lock?.ok === true;
}

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
export async function readEvents(
  executor: Executor,
  onChunk: (read: number, total: number) => void,
): Promise<{ interactions: Interaction[]; lastEventId: number }> {
  const [range] = await executor
    .select({
      total: count(),
      firstId: sql`min(${interactionEvents.id})`.mapWith(Number),
      lastId: sql`max(${interactionEvents.id})`.mapWith(Number),
    })
    .from(interactionEvents);
  // An aggregate without group by always returns one row.
  const { total, firstId, lastId } = must(range, 'event range row');
  const interactions: Interaction[] = [];
  const lastEventId = lastId ?? 0;
  if (firstId === null) return { interactions, lastEventId };
  const chunks: Promise<EventChunkRow[]>[] = [];
  for (let from = firstId; from <= lastEventId; from += EVENT_CHUNK) {
    chunks.push(
      queryRows<EventChunkRow>(
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
    onChunk(read, Math.max(read, total));
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
export async function readProducts(executor: Executor): Promise<ProductFeatureRow[]> {
  const active = eq(products.status, 'active');
  const base = await executor
    .select({
      id: products.id,
      kind: products.kind,
      decade: products.decade,
      label: products.label,
      title: products.title,
      // Descriptions only for catalogs the content model reads them for (see LARGE_CATALOG).
      description: sql<string | null>`case when (select count(*) from ${products} where ${active}) <= ${LARGE_CATALOG}
          then left(${products.description}, 400) end`,
    })
    .from(products)
    .where(active)
    .orderBy(products.id);
  const list = (column: SQL | AnyPgColumn) => sql<string>`string_agg(distinct ${column}::text, ' ')`;
  const [genreRows, peopleRows, formatRows] = await Promise.all([
    executor
      .select({ id: productGenres.productId, list: list(genres.slug) })
      .from(productGenres)
      .innerJoin(genres, eq(genres.id, productGenres.genreId))
      .groupBy(productGenres.productId),
    // Leading cast only: the fifth actor of a film says little about it.
    executor
      .select({ id: credits.productId, list: list(credits.personId) })
      .from(credits)
      .where(or(ne(credits.role, 'cast'), lt(credits.sortOrder, 4)))
      .groupBy(credits.productId),
    executor
      .select({ id: editions.productId, list: list(editions.format) })
      .from(editions)
      .where(eq(editions.status, 'active'))
      .groupBy(editions.productId),
  ]);
  const split = (rows: { id: number; list: string }[]) => new Map(rows.map((r) => [r.id, r.list.split(' ')]));
  const genreMap = split(genreRows);
  const peopleMap = split(peopleRows);
  const formatMap = split(formatRows);
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
 * Replaces the neighbour lists: one row per product that has any neighbour: its three lists (and the hybrid scores). Rows
 * go in chunks, each chunk one INSERT whose columns are arrays bound as single parameters. The chunks
 * are sent without waiting for the previous one (the connection pipelines them), so the database
 * inserts one chunk while this process formats the next.
 */
export async function writeNeighbourLists(
  executor: Executor,
  tables: Tables,
  onRows: (n: number) => void,
): Promise<number> {
  await executor.delete(itemNeighbours);
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
      executor.execute(sql`insert into ${itemNeighbours} (product_id, collaborative_ids, content_ids, hybrid_ids,
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

/** Replaces the popularity and trend scores, WRITE_CHUNK products per statement. */
export async function writeProductScores(
  tx: Executor,
  scoreRows: { id: number; popular: number; trending: number }[],
): Promise<void> {
  await tx.delete(productScores);
  const ids = Int32Array.from(scoreRows, ({ id }) => id);
  const pop = Float64Array.from(scoreRows, ({ popular }) => popular);
  const trend = Float64Array.from(scoreRows, ({ trending }) => trending);
  for (let from = 0; from < ids.length; from += WRITE_CHUNK) {
    const to = Math.min(ids.length, from + WRITE_CHUNK);
    await tx.execute(sql`insert into ${productScores} (product_id, popularity, trending)
      select * from unnest(${arrayLiteral(ids, from, to)}::int[], ${arrayLiteral(pop, from, to)}::real[],
        ${arrayLiteral(trend, from, to)}::real[])`);
  }
}

/** Records the rebuild's bookkeeping and its ranked fallback lists. */
export async function writeRebuildState(tx: Executor, state: BuildState, lists: RankedLists): Promise<void> {
  await tx
    .insert(recommenderState)
    .values([
      { key: BUILD_STATE_KEY, value: state, updatedAt: sql`now()` },
      { key: LISTS_STATE_KEY, value: lists, updatedAt: sql`now()` },
    ])
    .onConflictDoUpdate({
      target: recommenderState.key,
      set: { value: sql`excluded.value`, updatedAt: sql`excluded.updated_at` },
    });
}
