import { describe, expect, it } from 'vitest';
import { getCoverArtInfo, hasGeneratedPreview, listProducts } from '@/lib/catalog/queries';
import { getPerson, getProduct } from '@/lib/catalog/detail-queries';
import { readFilters } from '@/lib/catalog/validation';
import { getSuggestions, searchPeople, suggestCorrection } from '@/lib/catalog/search/queries';
import { getProductReviews, listProductReviews } from '@/lib/reviews/queries';

// Issue 13.16: 'use cache' functions are server references too, so anyone can call them with any
// arguments. Each checks and clamps what it gets instead of failing with a 500 (or reading 100,000 rows).
type Loose = (...args: unknown[]) => Promise<unknown>;
const loose = (fn: unknown) => fn as Loose;

describe('cached catalog reads called with unchecked arguments', () => {
  it('listProducts clamps the page size and refuses what is not a set of filters', async () => {
    const huge = await listProducts({ ...readFilters({}), pageSize: 100_000 });
    expect(huge.total).toBeGreaterThan(100);
    expect(huge.items).toHaveLength(100);
    expect(huge.pageCount).toBe(Math.ceil(huge.total / 100));
    const nothing = { items: [], total: 0, page: 1, pageCount: 1, didYouMean: null, corrected: false };
    for (const filters of [
      null,
      'music',
      { ...readFilters({}), pageSize: 'all' },
      { ...readFilters({}), page: -1 },
      { ...readFilters({}), genres: [{ $ne: 1 }] },
      { ...readFilters({}), q: 'neon\u0000' },
      { ...readFilters({}), decades: new Array(1000).fill(1990) },
    ]) {
      expect(await loose(listProducts)(filters), JSON.stringify(filters)).toMatchObject(nothing);
    }
  });

  it('the slug lookups answer null or false for anything but a slug', async () => {
    for (const slug of [42, null, { slug: 'neon-harbour' }, ['neon-harbour'], 'Neon Harbour', 'x'.repeat(200)]) {
      expect(await loose(getProduct)(slug)).toBeNull();
      expect(await loose(getPerson)(slug)).toBeNull();
      expect(await loose(getCoverArtInfo)(slug)).toBeNull();
      expect(await loose(hasGeneratedPreview)(slug, 0)).toBe(false);
    }
    expect(await loose(hasGeneratedPreview)('neon-harbour', '1; drop table')).toBe(false);
    expect(await loose(hasGeneratedPreview)('neon-harbour', 1e12)).toBe(false);
  });

  it('the search reads treat a non-string as no query and clamp the number of people', async () => {
    for (const query of [42, null, { q: 'neon' }, ['neon']]) {
      expect(await loose(getSuggestions)(query)).toEqual({ products: [], people: [] });
      expect(await loose(suggestCorrection)(query)).toBeNull();
      expect(await loose(searchPeople)(query)).toEqual([]);
    }
    expect(((await loose(searchPeople)('a', 100_000)) as unknown[]).length).toBeLessThanOrEqual(20);
    expect(await loose(searchPeople)('a', 'all')).toBeInstanceOf(Array);
  });

  it('the review reads answer "no reviews" to what is not a product id, a slug and a page', async () => {
    const none = { summary: { count: 0, average: null }, first: { items: [], hasMore: false } };
    for (const args of [[], ['1', 'neon-harbour'], [1, 'neon\u0000'], [-1, 'x'], [1, { slug: 1 }], [1.5, 'x']]) {
      expect(await loose(getProductReviews)(...args), JSON.stringify(args)).toMatchObject(none);
    }
    for (const args of [[], ['1', 1], [1, 0], [1, 1e9], [1, '2'], [Number.MAX_VALUE, 1]]) {
      expect(await loose(listProductReviews)(...args), JSON.stringify(args)).toMatchObject({
        items: [],
        hasMore: false,
      });
    }
  });
});
