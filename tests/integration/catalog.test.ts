import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import {
  getCoverArtInfo,
  getHomeRails,
  hasGeneratedPreview,
  listPrerenderedProductSlugs,
  listProducts,
  listSitemapEntries,
} from '@/lib/catalog/queries';
import { getPerson, getProduct } from '@/lib/catalog/detail-queries';
import { readFilters } from '@/lib/catalog/validation';
import { getSuggestions, suggestCorrection } from '@/lib/catalog/search/queries';
import { first } from '@/tests/support/lists';

const browse = (query: string, kind?: 'album' | 'film' | 'series' | 'game') =>
  listProducts({ ...readFilters(new URLSearchParams(query)), kind });

describe('browse', () => {
  it('lists only active products with a sellable edition, 24 to a page, with a total', async () => {
    const list = await browse('', 'album');
    expect(list.items).toHaveLength(24);
    expect(list.total).toBeGreaterThan(150);
    expect(list.items.every((item) => item.kind === 'album')).toBe(true);
    const db = await getDb();
    const hidden = await queryRows<{ slug: string }>(db, sql`select slug from products where status <> 'active'`);
    expect(hidden.length).toBeGreaterThan(0);
    const all = await browse('pageSize=100', undefined);
    const pages = Math.ceil(all.total / 100);
    const slugs = new Set<string>();
    for (let page = 1; page <= pages; page++) {
      for (const item of (await browse(`pageSize=100&page=${page}`)).items) slugs.add(item.slug);
    }
    expect(slugs.size).toBe(all.total);
    for (const { slug } of hidden) expect(slugs.has(slug)).toBe(false);
  });

  it('computes facet counts in SQL that agree with the filtered totals', async () => {
    const base = await browse('', 'album');
    const vinyl = base.facets.formats.find((f) => f.value === 'vinyl')!;
    expect(vinyl.count).toBeGreaterThan(0);
    const filtered = await browse('format=vinyl', 'album');
    expect(filtered.total).toBe(vinyl.count);
    // Disjunctive: the format facet still offers the other formats while vinyl is chosen.
    expect(filtered.facets.formats.map((f) => f.value)).toEqual(expect.arrayContaining(['cd', 'vinyl']));
    const electronic = filtered.facets.genres.find((g) => g.value === 'electronic')!;
    const both = await browse('format=vinyl&genre=electronic', 'album');
    expect(both.total).toBe(electronic.count);
    expect(both.items.map((i) => i.slug)).toContain('neon-harbour');
  });

  it('gives every facet value the count of the listing it leads to, and a total the pages add up to', async () => {
    const facetParams = {
      formats: 'format',
      genres: 'genre',
      decades: 'decade',
      prices: 'price',
      availability: 'avail',
    };
    const bases: [string, 'album' | 'film' | undefined][] = [
      ['format=vinyl&price=20-30', 'album'],
      ['q=night&avail=in_stock&decade=1980,1990', undefined],
      ['genre=drama&avail=in_stock', 'film'],
    ];
    for (const [query, kind] of bases) {
      const list = await browse(`${query}&pageSize=100`, kind);
      expect(list.total).toBeGreaterThan(0);
      const slugs = new Set<string>();
      for (let page = 1; page <= list.pageCount; page++) {
        for (const item of (await browse(`${query}&pageSize=100&page=${page}`, kind)).items) slugs.add(item.slug);
      }
      expect(slugs.size).toBe(list.total);
      // Choosing a value replaces the facet's own filter (facets are disjunctive) and keeps the others.
      for (const [facet, param] of Object.entries(facetParams) as [keyof typeof facetParams, string][]) {
        for (const { value, count } of list.facets[facet].slice(0, 3)) {
          const params = new URLSearchParams(query);
          params.set(param, String(value));
          expect({ query, facet, value, count: (await browse(params.toString(), kind)).total }).toEqual({
            query,
            facet,
            value,
            count,
          });
        }
      }
    }
  });

  it('filters by decade, price range and availability, and sorts by price', async () => {
    const eighties = await browse('decade=1980', 'album');
    expect(eighties.items.every((i) => i.year! >= 1980 && i.year! < 1990)).toBe(true);
    const cheap = await browse('price=0-10&sort=price_asc', 'film');
    expect(cheap.items.every((i) => i.fromPriceMinor! < 1000)).toBe(true);
    const prices = cheap.items.map((i) => i.fromPriceMinor!);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    const preorders = await browse('avail=preorder', 'album');
    expect(preorders.items.map((i) => i.slug)).toContain('afterglow-sessions');
    expect(preorders.items.every((i) => i.preorder)).toBe(true);
  });

  it('returns an empty page beyond the last one', async () => {
    const list = await browse('page=9999', 'game');
    expect(list.items).toEqual([]);
    expect(list.total).toBe(0);
  });
});

describe('search', () => {
  it('finds by title, people, label and track titles, best match first', async () => {
    expect(first((await browse('q=neon harbour')).items).slug).toBe('neon-harbour');
    expect((await browse('q=marlow vance')).items.map((i) => i.slug)).toEqual(
      expect.arrayContaining(['neon-harbour', 'afterglow-sessions']),
    );
    expect((await browse('q=lanternfish')).items.map((i) => i.slug)).toContain('neon-harbour');
    expect((await browse('q=ines albrecht')).items.map((i) => i.slug)).toContain('the-cartographers-daughter');
  });

  it('tolerates typos and suggests the correction', async () => {
    const list = await browse('q=neon harbur');
    expect(list.items.map((i) => i.slug)).toContain('neon-harbour');
    expect(await suggestCorrection('neon harbur')).toBe('neon harbour');
    expect(await suggestCorrection('neon harbour')).toBeNull();
    const corrected = await browse('q=cartographr daughtr');
    expect(corrected.items.map((i) => i.slug)).toContain('the-cartographers-daughter');
  });

  it('finds Chinese, Japanese and Korean titles by whole titles and fragments', async () => {
    expect(first((await browse('q=月光小夜曲')).items).slug).toBe('moonlight-serenade');
    expect((await browse('q=小夜')).items.map((i) => i.slug)).toContain('moonlight-serenade');
    expect(first((await browse('q=雨の駅')).items).slug).toBe('rain-station');
    expect((await browse('q=駅')).items.map((i) => i.slug)).toContain('rain-station');
    expect(first((await browse('q=푸른 밤')).items).slug).toBe('blue-night');
    expect((await browse('q=林月')).items.map((i) => i.slug)).toContain('moonlight-serenade');
  });

  it('survives hostile and odd input', async () => {
    for (const q of ["'; drop table products; --", 'a & b | !c', '\u0000\u0007', 'x'.repeat(10_000), '%_\\', ':*']) {
      const list = await browse(`q=${encodeURIComponent(q)}`);
      expect(Array.isArray(list.items)).toBe(true);
    }
    const db = await getDb();
    const { count } = await queryRow<{ count: number }>(db, sql`select count(*)::int as count from products`);
    expect(count).toBeGreaterThan(400);
  });

  it('suggests products and people as you type', async () => {
    const suggestions = await getSuggestions('neon har');
    expect(suggestions.products[0]?.slug).toBe('neon-harbour');
    const people = await getSuggestions('marlow');
    expect(people.people.map((p) => p.slug)).toContain('marlow-vance');
  });
});

describe('product, person and home', () => {
  it('returns a product with editions, tracks, credits, media and more by the artist', async () => {
    const product = (await getProduct('neon-harbour'))!;
    expect(product.title).toBe('Neon Harbour');
    expect(product.editions.map((e) => e.format)).toEqual(expect.arrayContaining(['cd', 'vinyl']));
    expect(product.tracks).toHaveLength(10);
    expect(product.tracks.slice(0, 3).every((t) => t.previewUrl)).toBe(true);
    expect(product.credits.find((c) => c.role === 'artist')?.name).toBe('Marlow Vance');
    expect(product.media.find((m) => m.kind === 'cover')).toBeTruthy();
    expect(product.moreBy?.items.map((i) => i.slug)).toContain('afterglow-sessions');
    const preorder = (await getProduct('afterglow-sessions'))!;
    expect(preorder.editions.every((e) => e.preorder)).toBe(true);
    const soldOut = (await getProduct('paper-lanterns'))!;
    expect(soldOut.editions.filter((e) => !e.digital).every((e) => e.stock === 0)).toBe(true);
  });

  it('keeps digital editions out of the shop: the store cannot deliver downloads yet', async () => {
    const db = await getDb();
    const digital = await queryRows<{ slug: string }>(
      db,
      sql`select p.slug from editions e join products p on p.id = e.product_id
        where e.digital and e.status = 'active' and p.status = 'active'`,
    );
    expect(digital.map((row) => row.slug)).toContain('neon-harbour');
    const product = (await getProduct('neon-harbour'))!;
    expect(product.editions.length).toBeGreaterThan(0);
    expect(product.editions.some((e) => e.digital)).toBe(false);
    const albums = await browse('', 'album');
    expect(albums.facets.formats.map((f) => f.value)).not.toContain('digital_audio');
    expect((await browse('format=digital_audio', 'album')).total).toBe(0);
  });

  it('hides drafts and archived products', async () => {
    const db = await getDb();
    const draft = await queryRow<{ slug: string }>(db, sql`select slug from products where status = 'draft' limit 1`);
    expect(await getProduct(draft.slug)).toBeNull();
    expect(await getProduct('no-such-product')).toBeNull();
  });

  it('lists a person’s products by role', async () => {
    const person = (await getPerson('marlow-vance'))!;
    const artist = person.roles.find((r) => r.role === 'artist')!;
    expect(artist.items.map((i) => i.slug)).toEqual(expect.arrayContaining(['neon-harbour', 'afterglow-sessions']));
  });

  it('fills every home rail', async () => {
    const rails = await getHomeRails();
    expect(rails.newReleases.length).toBeGreaterThan(0);
    expect(rails.comingSoon.length).toBeGreaterThan(0);
    expect(rails.bestSellers.length).toBeGreaterThan(0);
    expect(rails.byKind.map((r) => r.items.length)).toEqual([12, 12, 12, 12]);
    expect(rails.comingSoon.every((i) => i.preorder)).toBe(true);
  });

  it('reads the cover-art facts, generated previews, sitemap and prerendered slugs from real rows', async () => {
    const db = await getDb();
    const [lead] = await queryRows<{ name: string }>(
      db,
      sql`select pe.name from products p join credits c on c.product_id = p.id join people pe on pe.id = c.person_id
        where p.slug = 'neon-harbour' and c.role in ('artist', 'director', 'writer', 'developer')
        order by c.sort_order limit 1`,
    );
    expect(await getCoverArtInfo('neon-harbour')).toEqual({
      title: expect.any(String),
      kind: 'album',
      active: true,
      subtitle: lead?.name ?? null,
    });
    const [draft] = await queryRows<{ slug: string }>(
      db,
      sql`select slug from products where status = 'draft' limit 1`,
    );
    if (draft) expect(await getCoverArtInfo(draft.slug)).toMatchObject({ active: false });

    const [preview] = await queryRows<{ slug: string; sortOrder: number }>(
      db,
      sql`select p.slug, t.sort_order as "sortOrder" from tracks t join products p on p.id = t.product_id
        where t.preview_url like '/previews/%' and p.status = 'active' limit 1`,
    );
    expect(preview).toBeDefined();
    expect(await hasGeneratedPreview(preview!.slug, preview!.sortOrder)).toBe(true);
    expect(await hasGeneratedPreview(preview!.slug, 99_999)).toBe(false);

    const sitemap = await listSitemapEntries();
    expect(sitemap.products.map((p) => p.slug)).toContain('neon-harbour');
    expect(sitemap.products.every((p) => typeof p.updatedAt === 'string' && p.updatedAt.length > 0)).toBe(true);
    expect(sitemap.people.length).toBeGreaterThan(0);

    const prerendered = await listPrerenderedProductSlugs(2);
    expect(prerendered).toHaveLength(8);
    const kinds = await queryRows<{ kind: string; status: string }>(
      db,
      sql`select kind, status from products where slug = any(${`{${prerendered.join(',')}}`}::text[])`,
    );
    expect(kinds.every((k) => k.status === 'active')).toBe(true);
    expect(new Set(kinds.map((k) => k.kind)).size).toBe(4);
  });
});
