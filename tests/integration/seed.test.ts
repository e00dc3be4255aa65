import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, queryRow, queryRows } from '@/db';
import { applyMigrations } from '@/db/migrate';
import * as schema from '@/db/schema';
import { generateCatalog } from '@/db/seed/catalog';
import { SeedRefusedError, seedDemo } from '@/db/seed';

// This file seeds its own in-memory database rather than using the shared seeded copy, because it
// tests the seed itself (refusal, --force).

const TODAY = new Date('2026-06-15T10:30:00Z');

let client: PGlite;
let db: Database;
let summary: Awaited<ReturnType<typeof seedDemo>>;

async function count(table: string): Promise<number> {
  const row = await queryRow<{ count: number }>(db, sql`select count(*)::int as count from ${sql.identifier(table)}`);
  return row.count;
}

beforeAll(async () => {
  client = await PGlite.create('memory://', { extensions: { pg_trgm } });
  const pglite = drizzle(client, { schema, casing: 'snake_case' });
  db = pglite as unknown as Database;
  await applyMigrations(db);
  summary = await seedDemo(db, { today: TODAY });
});

afterAll(async () => {
  await client?.close();
});

describe('seedDemo', () => {
  it('loads the whole generated catalog', async () => {
    const catalog = generateCatalog({ today: TODAY });
    const editions = catalog.products.flatMap((p) => p.editions);
    expect(summary).toEqual({
      products: catalog.products.length,
      editions: editions.length,
      tracks: catalog.products.reduce((n, p) => n + p.tracks.length, 0),
      people: catalog.people.length,
    });
    expect(await count('products')).toBe(catalog.products.length);
    expect(await count('editions')).toBe(editions.length);
    expect(await count('people')).toBe(catalog.people.length);
    expect(await count('genres')).toBe(catalog.genres.length);
    expect(await count('credits')).toBe(catalog.products.reduce((n, p) => n + p.credits.length, 0));
    expect(await count('media')).toBe(catalog.products.reduce((n, p) => n + p.media.length, 0));
    expect(await count('stock_movements')).toBe(editions.reduce((n, e) => n + e.ledger.length, 0));
  });

  it('keeps editions.stock equal to the ledger, never negative along the way', async () => {
    const mismatched = await queryRows<{ sku: string }>(
      db,
      sql`select e.sku from editions e
          where e.stock <> coalesce((select sum(m.delta) from stock_movements m where m.edition_id = e.id), 0)`,
    );
    expect(mismatched).toEqual([]);
    const negative = await queryRows<{ id: number }>(
      db,
      sql`select id from (
            select id, sum(delta) over (partition by edition_id order by created_at, id) as running
            from stock_movements) s
          where running < 0`,
    );
    expect(negative).toEqual([]);
    const digitalWithLedger = await queryRows<{ sku: string }>(
      db,
      sql`select distinct e.sku from editions e join stock_movements m on m.edition_id = e.id where e.digital`,
    );
    expect(digitalWithLedger).toEqual([]);
  });

  it('gives every rentable physical edition 2 or 3 rental copies on the shelf, with deterministic codes', async () => {
    const catalog = generateCatalog({ today: TODAY });
    const rentable = catalog.products.flatMap((p) => p.editions).filter((e) => e.rentable && !e.digital);
    expect(rentable.length).toBeGreaterThan(10);
    const perEdition = await queryRows<{ sku: string; codes: string[]; statuses: string[]; digital: boolean }>(
      db,
      sql`select e.sku, e.digital, array_agg(c.code order by c.code) as codes,
            array_agg(distinct c.status::text) as statuses
          from rental_copies c join editions e on e.id = c.edition_id group by e.sku, e.digital order by e.sku`,
    );
    expect(perEdition.map((row) => row.sku)).toEqual(rentable.map((e) => e.sku).sort());
    for (const row of perEdition) {
      expect(row.digital).toBe(false);
      expect(row.statuses).toEqual(['available']);
      expect([2, 3]).toContain(row.codes.length);
      expect(row.codes).toEqual(row.codes.map((_, i) => `R-${row.sku.toUpperCase()}-${i + 1}`));
    }
  });

  it('stores the anchors with their relations and derived columns', async () => {
    const [neon] = await queryRows<{ decade: number; editions: number; tracks: number; artist: string }>(
      db,
      sql`select p.decade,
            (select count(*)::int from editions e where e.product_id = p.id) as editions,
            (select count(*)::int from tracks t where t.product_id = p.id) as tracks,
            (select pe.name from credits c join people pe on pe.id = c.person_id
              where c.product_id = p.id and c.role = 'artist') as artist
          from products p where p.slug = 'neon-harbour'`,
    );
    expect(neon).toEqual({ decade: 1980, editions: 3, tracks: 10, artist: 'Marlow Vance' });
    const genres = await queryRows<{ slug: string }>(
      db,
      sql`select g.slug from product_genres pg join genres g on g.id = pg.genre_id
          join products p on p.id = pg.product_id where p.slug = 'moonlight-serenade' order by g.slug`,
    );
    expect(genres.map((g) => g.slug)).toContain('c-pop');
  });

  it('builds the search index afterwards', async () => {
    const row = await queryRow<{ missing: number }>(
      db,
      sql`select count(*)::int as missing from products where search_vector is null or search_title = ''`,
    );
    expect(row.missing).toBe(0);
    expect(await count('search_terms')).toBeGreaterThan(100);
  });

  it('refuses to seed over existing products without force', async () => {
    const error = await seedDemo(db, { today: TODAY }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SeedRefusedError);
    expect((error as Error).message).toContain(`already holds ${summary.products} products`);
    expect((error as Error).message).toContain('--force');
    expect(await count('products')).toBe(summary.products);
  });

  it('with force, replaces the catalog (here with benchmark extras) and restarts ids', async () => {
    const lines: string[] = [];
    const again = await seedDemo(db, { today: TODAY, force: true, extraProducts: 300, log: (l) => lines.push(l) });
    expect(again.products).toBe(summary.products + 300);
    expect(await count('products')).toBe(summary.products + 300);
    expect(await count('people')).toBe(summary.people);
    const ids = await queryRow<{ min: number }>(db, sql`select min(id)::int as min from products`);
    expect(ids.min).toBe(1);
    const mismatched = await queryRows<{ sku: string }>(
      db,
      sql`select e.sku from editions e
          where e.stock <> coalesce((select sum(m.delta) from stock_movements m where m.edition_id = e.id), 0)`,
    );
    expect(mismatched).toEqual([]);
    expect(lines.some((l) => l.startsWith('Catalog:'))).toBe(true);
  });
});
