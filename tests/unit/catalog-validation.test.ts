import { describe, expect, it } from 'vitest';
import {
  browsePath,
  filtersFromSegments,
  parseBrowseParams,
  readFilters,
  toggleFilter,
  toQueryString,
} from '@/lib/catalog/validation';

describe('parseBrowseParams (lenient, pages)', () => {
  it('reads comma lists and repeated parameters, sorted and de-duplicated', () => {
    const filters = readFilters(new URLSearchParams('format=vinyl,cd&format=cd&genre=jazz&decade=1960&decade=1950'));
    expect(filters.formats).toEqual(['cd', 'vinyl']);
    expect(filters.genres).toEqual(['jazz']);
    expect(filters.decades).toEqual([1950, 1960]);
    expect(filters.sort).toBe('newest');
    expect(filters.page).toBe(1);
  });
  it('drops what it cannot read instead of failing', () => {
    const filters = readFilters(
      new URLSearchParams('format=vinyl,laserdisc&page=-3&sort=random&decade=1965&genre=DROP TABLE'),
    );
    expect(filters.formats).toEqual(['vinyl']);
    expect(filters.page).toBe(1);
    expect(filters.sort).toBe('newest');
    expect(filters.decades).toEqual([]);
    expect(filters.genres).toEqual([]);
  });
  it('defaults to relevance when there is a query, and ignores relevance without one', () => {
    expect(readFilters({ q: 'neon' }).sort).toBe('relevance');
    expect(readFilters({ sort: 'relevance' }).sort).toBe('newest');
  });
});

describe('parseBrowseParams (strict, API)', () => {
  it.each([
    ['page=0', 'page'],
    ['page=1.5', 'page'],
    ['page=abc', 'page'],
    ['page=2147483648', 'page'],
    ['format=laserdisc', 'format'],
    ['sort=random', 'sort'],
    ['kind=book', 'kind'],
    ['pageSize=1000', 'pageSize'],
    ['colour=red', 'colour'],
  ])('rejects %s naming %s', (query, param) => {
    const result = parseBrowseParams(new URLSearchParams(query), { strict: true });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.param).toBe(param);
  });
  it('accepts a full valid query', () => {
    const result = parseBrowseParams(
      new URLSearchParams(
        'kind=album&format=vinyl&genre=jazz&decade=1960&price=20-30&avail=in_stock&sort=price_asc&page=2&pageSize=10',
      ),
      { strict: true },
    );
    expect(result.ok).toBe(true);
  });
});

describe('toQueryString', () => {
  it('is canonical: the same filters in any order give the same string', () => {
    const a = toQueryString(readFilters(new URLSearchParams('genre=rock,jazz&format=vinyl&page=2')));
    const b = toQueryString(readFilters(new URLSearchParams('page=2&format=vinyl&genre=jazz&genre=rock')));
    expect(a).toBe(b);
    expect(a).toBe('format=vinyl&genre=jazz,rock&page=2');
  });
  it('leaves out defaults and round-trips', () => {
    expect(toQueryString(readFilters({}))).toBe('');
    const filters = readFilters(new URLSearchParams('avail=preorder&price=50-&sort=title'));
    expect(readFilters(new URLSearchParams(toQueryString(filters)))).toEqual(filters);
  });
  it('toggling a value resets the page and keeps the string canonical', () => {
    const filters = readFilters(new URLSearchParams('genre=rock&page=3'));
    expect(toQueryString(toggleFilter(filters, 'genres', 'jazz'))).toBe('genre=jazz,rock');
    expect(toQueryString(toggleFilter(filters, 'genres', 'rock'))).toBe('');
  });
});

describe('browsePath', () => {
  it('puts canonical filters in path segments, and reads them back', () => {
    const filters = readFilters(new URLSearchParams('genre=rock,jazz&format=vinyl&page=2&sort=title'));
    const path = browsePath('music', filters);
    expect(path).toBe('/music/format=vinyl/genre=jazz,rock/sort=title/page=2');
    expect(filtersFromSegments(path.split('/').slice(2))).toEqual(filters);
    expect(browsePath('games', readFilters({}))).toBe('/games');
    // Next hands route params over percent-encoded.
    expect(filtersFromSegments(['format%3Dvinyl', 'genre%3Djazz%2Crock'])).toEqual(
      readFilters(new URLSearchParams('format=vinyl&genre=jazz,rock')),
    );
  });
  it('never carries the free-text query', () => {
    expect(browsePath('film', readFilters({ q: 'x', genre: 'drama' }))).toBe('/film/genre=drama');
  });
  it('reads garbage segments as no filters', () => {
    expect(filtersFromSegments(['%%%', 'a=b=c', 'format'])).toEqual(readFilters({}));
  });
});
