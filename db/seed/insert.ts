/**
 * Writes a generated catalog (db/seed/catalog.ts) to the database. Rows go in multi-row INSERTs of
 * at most MAX_ROWS_PER_INSERT rows (one statement per chunk keeps round trips few, and stays far
 * below Postgres' 65,535 bind-parameter limit even for the widest table, editions). Products are
 * consumed from an iterable in batches, so a 100,000-product benchmark catalog is never held in
 * memory at once. Callers run this inside a transaction and pass the transaction as `executor`.
 */
import { inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { credits, editions, genres, media, people, productGenres, products, tracks } from '@/lib/catalog/schema';
import { stockMovements } from '@/lib/inventory/schema';
import type { SeedGenre, SeedPerson, SeedProduct } from './catalog';

export const MAX_ROWS_PER_INSERT = 500;
/** Products per batch: their editions, tracks, credits and ledger rows are inserted together. */
const PRODUCTS_PER_BATCH = 250;

/** How many rows of each kind went in. */
export type InsertCounts = Record<'products' | 'editions' | 'tracks' | 'credits' | 'media' | 'stockMovements', number>;

function chunk<T>(rows: readonly T[], size = MAX_ROWS_PER_INSERT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

/**
 * Inserts the genres (skipping slugs that already exist) and returns slug → id for all of them.
 * Existing rows are kept because the seed may run on a database whose catalog is empty but whose
 * genres were already set up by an admin.
 */
export async function insertGenres(executor: Executor, list: readonly SeedGenre[]): Promise<Map<string, number>> {
  for (const rows of chunk(list)) {
    await executor.insert(genres).values(rows).onConflictDoNothing({ target: genres.slug });
  }
  const ids = new Map<string, number>();
  for (const slugs of chunk(list.map((g) => g.slug))) {
    const rows = await executor
      .select({ id: genres.id, slug: genres.slug })
      .from(genres)
      .where(inArray(genres.slug, slugs));
    for (const row of rows) ids.set(row.slug, row.id);
  }
  return ids;
}

/** Inserts the people (skipping slugs that already exist) and returns slug → id. */
export async function insertPeople(executor: Executor, list: readonly SeedPerson[]): Promise<Map<string, number>> {
  for (const rows of chunk(list)) {
    await executor.insert(people).values(rows).onConflictDoNothing({ target: people.slug });
  }
  const ids = new Map<string, number>();
  for (const slugs of chunk(list.map((p) => p.slug))) {
    const rows = await executor
      .select({ id: people.id, slug: people.slug })
      .from(people)
      .where(inArray(people.slug, slugs));
    for (const row of rows) ids.set(row.slug, row.id);
  }
  return ids;
}

function lookup(map: ReadonlyMap<string, number>, key: string, what: string): number {
  const id = map.get(key);
  if (id === undefined) throw new Error(`Demo seed: unknown ${what} "${key}"`);
  return id;
}

async function insertBatch(
  executor: Executor,
  batch: readonly SeedProduct[],
  genreIds: ReadonlyMap<string, number>,
  personIds: ReadonlyMap<string, number>,
  counts: InsertCounts,
): Promise<void> {
  const productIds = new Map<string, number>();
  for (const rows of chunk(batch)) {
    const inserted = await executor
      .insert(products)
      .values(
        rows.map((p) => ({
          slug: p.slug,
          kind: p.kind,
          title: p.title,
          originalTitle: p.originalTitle,
          description: p.description,
          releaseDate: p.releaseDate,
          ageRating: p.ageRating,
          label: p.label,
          status: p.status,
          createdAt: p.createdAt,
          updatedAt: p.createdAt,
        })),
      )
      .returning({ id: products.id, slug: products.slug });
    for (const row of inserted) productIds.set(row.slug, row.id);
  }

  const editionRows: (typeof editions.$inferInsert)[] = [];
  for (const product of batch) {
    const productId = lookup(productIds, product.slug, 'product');
    for (const { ledger: _ledger, ...edition } of product.editions) {
      editionRows.push({ ...edition, productId, updatedAt: edition.createdAt });
    }
  }
  const editionIds = new Map<string, number>();
  for (const rows of chunk(editionRows)) {
    const inserted = await executor.insert(editions).values(rows).returning({ id: editions.id, sku: editions.sku });
    for (const row of inserted) editionIds.set(row.sku, row.id);
  }

  const ledgerRows: (typeof stockMovements.$inferInsert)[] = [];
  const trackRows: (typeof tracks.$inferInsert)[] = [];
  const creditRows: (typeof credits.$inferInsert)[] = [];
  const genreRows: (typeof productGenres.$inferInsert)[] = [];
  const mediaRows: (typeof media.$inferInsert)[] = [];
  for (const product of batch) {
    const productId = lookup(productIds, product.slug, 'product');
    for (const edition of product.editions) {
      const editionId = lookup(editionIds, edition.sku, 'edition');
      for (const movement of edition.ledger) ledgerRows.push({ ...movement, editionId, orderId: null });
    }
    for (const track of product.tracks) trackRows.push({ ...track, productId });
    for (const { personSlug, ...credit } of product.credits) {
      creditRows.push({ ...credit, productId, personId: lookup(personIds, personSlug, 'person') });
    }
    for (const genre of product.genres) genreRows.push({ productId, genreId: lookup(genreIds, genre, 'genre') });
    for (const item of product.media) mediaRows.push({ ...item, productId });
  }
  for (const rows of chunk(ledgerRows)) await executor.insert(stockMovements).values(rows);
  for (const rows of chunk(trackRows)) await executor.insert(tracks).values(rows);
  for (const rows of chunk(creditRows)) await executor.insert(credits).values(rows);
  for (const rows of chunk(genreRows)) await executor.insert(productGenres).values(rows);
  for (const rows of chunk(mediaRows)) await executor.insert(media).values(rows);

  counts.products += batch.length;
  counts.editions += editionRows.length;
  counts.tracks += trackRows.length;
  counts.credits += creditRows.length;
  counts.media += mediaRows.length;
  counts.stockMovements += ledgerRows.length;
}

/**
 * Inserts products with all their rows, PRODUCTS_PER_BATCH at a time, pulling them from `source`
 * lazily. `onBatch` is called after each batch with the running counts (for progress logs).
 */
export async function insertProducts(
  executor: Executor,
  source: Iterable<SeedProduct>,
  ids: { genres: ReadonlyMap<string, number>; people: ReadonlyMap<string, number> },
  onBatch?: (counts: Readonly<InsertCounts>) => void,
): Promise<InsertCounts> {
  const counts: InsertCounts = { products: 0, editions: 0, tracks: 0, credits: 0, media: 0, stockMovements: 0 };
  let batch: SeedProduct[] = [];
  for (const product of source) {
    batch.push(product);
    if (batch.length === PRODUCTS_PER_BATCH) {
      await insertBatch(executor, batch, ids.genres, ids.people, counts);
      batch = [];
      onBatch?.(counts);
    }
  }
  if (batch.length > 0) {
    await insertBatch(executor, batch, ids.genres, ids.people, counts);
    onBatch?.(counts);
  }
  return counts;
}
