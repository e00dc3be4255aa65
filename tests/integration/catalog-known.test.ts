import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryRow } from '@/db';
import { PAGE_SIZE } from '@/lib/catalog/formats';
import { isKnownCatalogPath } from '@/lib/catalog/known';

// What proxy.ts asks before a catalog page renders (lib/catalog/known.ts): a `false` sends the URL to
// the one not-found page, so made-up URLs are never rendered, nor cached, under their own path.
describe('known catalog paths', () => {
  it('knows the active products, people and genres, and nothing else', async () => {
    const db = await getDb();
    const product = await queryRow<{ slug: string }>(
      db,
      sql`select slug from products where status = 'active' limit 1`,
    );
    const draft = await queryRow<{ slug: string }>(db, sql`select slug from products where status = 'draft' limit 1`);
    const person = await queryRow<{ slug: string }>(db, sql`select slug from people limit 1`);
    const genre = await queryRow<{ slug: string }>(db, sql`select slug from genres limit 1`);

    expect(await isKnownCatalogPath(`/products/${product.slug}`)).toBe(true);
    expect(await isKnownCatalogPath(`/people/${person.slug}`)).toBe(true);
    expect(await isKnownCatalogPath(`/music/genre=${genre.slug}`)).toBe(true);
    expect(await isKnownCatalogPath('/music/format=vinyl/sort=price_asc')).toBe(true);

    expect(await isKnownCatalogPath(`/products/${draft.slug}`)).toBe(false);
    expect(await isKnownCatalogPath('/products/no-such-album')).toBe(false);
    expect(await isKnownCatalogPath('/people/no-such-person')).toBe(false);
    expect(await isKnownCatalogPath(`/music/genre=${genre.slug},no-such-genre`)).toBe(false);
    // Not a slug at all: too long, upper case, encoded: no database question asked.
    expect(await isKnownCatalogPath(`/products/${'a'.repeat(101)}`)).toBe(false);
    expect(await isKnownCatalogPath(`/products/${product.slug.toUpperCase()}`)).toBe(false);
    expect(await isKnownCatalogPath('/people/%00')).toBe(false);

    // Pages, help, search and the rest are not the catalog's to judge.
    for (const path of ['/', '/help', '/search', '/cart', '/products', '/products/a/b']) {
      expect(await isKnownCatalogPath(path)).toBe(true);
    }
  });

  it('knows the browse pages up to the last one of the section', async () => {
    const db = await getDb();
    const { count } = await queryRow<{ count: number }>(
      db,
      sql`select count(*)::int as count from products where kind = 'film' and status = 'active'`,
    );
    const last = Math.ceil(count / PAGE_SIZE);
    expect(await isKnownCatalogPath(`/film/page=${last}`)).toBe(true);
    expect(await isKnownCatalogPath(`/film/page=${last + 1}`)).toBe(false);
    expect(await isKnownCatalogPath('/film/page=9999')).toBe(false);
  });

  it('finds a product or genre created after its snapshot was taken (another instance, a second ago)', async () => {
    expect(await isKnownCatalogPath('/products/brand-new-album')).toBe(false);
    const db = await getDb();
    await db.execute(
      sql`insert into products (slug, kind, title, status) values ('brand-new-album', 'album', 'Brand New', 'active')`,
    );
    await db.execute(sql`insert into genres (slug, name, name_zh) values ('brand-new-genre', 'Brand New', '全新')`);
    expect(await isKnownCatalogPath('/products/brand-new-album')).toBe(true);
    expect(await isKnownCatalogPath('/tv/genre=brand-new-genre')).toBe(true);
  });
});
