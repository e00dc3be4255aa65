import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '@/lib/admin/catalog/duration';
import { isSlug, slugify } from '@/lib/catalog/slug';
import type { ProductDraft } from '@/lib/admin/catalog/drafts';
import { formatMoneyInput, parseMoment, parseMoney } from '@/lib/admin/catalog/field-parsers';
import { parseProductDraft, readAdminProductFilters } from '@/lib/admin/catalog/validation';
import { editionDraft } from '@/tests/support/catalog-drafts';

describe('durations', () => {
  it.each([
    ['3:07', 187],
    ['0:59', 59],
    ['12:45', 765],
    ['1:02:03', 3723],
    ['187', 187],
    [' 4:00 ', 240],
    ['', null],
  ])('parses %j as %j', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['3:7', '3:60', '0:00', '0', 'abc', '1:2:3', '-1:00', '3.5', '1:00:00:00', '101:00:00'])(
    'refuses %j',
    (text) => expect(parseDuration(text)).toBeUndefined(),
  );

  it('formats m:ss and h:mm:ss, and round-trips', () => {
    expect(formatDuration(187)).toBe('3:07');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('');
    for (const seconds of [1, 59, 60, 599, 3599, 3600, 7325])
      expect(parseDuration(formatDuration(seconds))).toBe(seconds);
  });
});

describe('slugs', () => {
  it('makes URL slugs from titles', () => {
    expect(slugify('Kind of Blue')).toBe('kind-of-blue');
    expect(slugify('  Björk: Homogénic (Remastered) ')).toBe('bjork-homogenic-remastered');
    expect(slugify('Rock & Roll!!')).toBe('rock-and-roll');
    expect(slugify('Straße')).toBe('strasse');
    expect(slugify('月光小夜曲')).toBe('');
    expect(slugify('The End---')).toBe('the-end');
    expect(slugify('x'.repeat(300)).length).toBeLessThanOrEqual(100);
  });

  it('checks slugs', () => {
    expect(isSlug('kind-of-blue')).toBe(true);
    for (const bad of ['Kind', 'a--b', '-a', 'a-', 'a b', '', 'é']) expect(isSlug(bad)).toBe(false);
  });
});

describe('money and moments', () => {
  it('parses prices in major units for the currency', () => {
    expect(parseMoney('12.99', 100)).toBe(1299);
    expect(parseMoney('12.9', 100)).toBe(1290);
    expect(parseMoney('12', 100)).toBe(1200);
    expect(parseMoney('', 100)).toBeNull();
    expect(parseMoney('1500', 1)).toBe(1500);
    for (const bad of ['12.999', '-1', '1,50', '1e3', 'abc', '12.']) expect(parseMoney(bad, 100)).toBeUndefined();
    expect(parseMoney('1.5', 1)).toBeUndefined();
    expect(formatMoneyInput(1299, 100)).toBe('12.99');
    expect(formatMoneyInput(5, 100)).toBe('0.05');
    expect(formatMoneyInput(1500, 1)).toBe('1500');
  });

  it('reads dates and times as UTC unless an offset says otherwise', () => {
    expect(parseMoment('2025-01-31')?.toISOString()).toBe('2025-01-31T00:00:00.000Z');
    expect(parseMoment('2025-01-31T18:30')?.toISOString()).toBe('2025-01-31T18:30:00.000Z');
    expect(parseMoment('2025-01-31T18:30:00+08:00')?.toISOString()).toBe('2025-01-31T10:30:00.000Z');
    expect(parseMoment('')).toBeNull();
    for (const bad of ['2025-02-30', '2025-01-31T25:00', 'tomorrow']) expect(parseMoment(bad)).toBeUndefined();
  });
});

const edition = editionDraft;

const draft = (overrides: Partial<ProductDraft> = {}): ProductDraft => ({
  id: null,
  version: null,
  slug: 'a-record',
  kind: 'album',
  title: 'A Record',
  originalTitle: '',
  description: '',
  releaseDate: '2020-05-01',
  ageRating: '',
  label: '',
  status: 'active',
  genreIds: [],
  editions: [edition()],
  tracks: [{ position: '1', discNumber: '', title: 'Opening', duration: '3:07', previewUrl: '' }],
  credits: [],
  media: [],
  ...overrides,
});

describe('product drafts', () => {
  it('normalises a good draft', () => {
    const result = parseProductDraft(
      draft({ editions: [edition({ territories: 'gb, us;GB', audioLanguages: 'en zh-Hans', initialStock: '5' })] }),
      100,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.input.editions[0]).toMatchObject({
      sku: 'NEW-CD',
      priceMinor: 999,
      territories: ['GB', 'US'],
      audioLanguages: ['en', 'zh-Hans'],
      initialStock: 5,
      discCount: 1,
      rentalPriceMinor: null,
    });
    expect(result.input.tracks[0]).toMatchObject({ duration: 187, discNumber: 1 });
    expect(result.input.originalTitle).toBeNull();
  });

  it('returns field errors by path for bad input', () => {
    const result = parseProductDraft(
      draft({
        slug: 'Not A Slug',
        title: '  ',
        releaseDate: '2020-13-01',
        editions: [
          edition({ price: '12.345', rentable: true }),
          edition({ sku: 'x y', availableFrom: '2025-02-01', availableUntil: '2025-01-01' }),
        ],
        tracks: [{ position: '', discNumber: '0', title: 'T', duration: '3:75', previewUrl: 'javascript:alert(1)' }],
      }),
      100,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toMatchObject({
      slug: 'slugInvalid',
      title: 'required',
      releaseDate: 'dateInvalid',
      'editions.0.price': 'priceInvalid',
      'editions.1.sku': 'skuInvalid',
      'tracks.0.position': 'required',
      'tracks.0.discNumber': 'numberInvalid',
      'tracks.0.duration': 'durationInvalid',
      'tracks.0.previewUrl': 'urlInvalid',
    });
  });

  it('checks rules across fields', () => {
    const rules = parseProductDraft(
      draft({
        editions: [
          edition({ format: 'dvd', status: 'draft' }),
          edition({ sku: 'NEW-CD', status: 'draft', rentable: true, rentalPrice: '' }),
          edition({ sku: 'd', digital: true, initialStock: '3', status: 'draft' }),
          edition({ sku: 'e', availableFrom: '2025-02-01', availableUntil: '2025-01-01', status: 'draft' }),
        ],
        credits: [
          { personId: 1, role: 'artist', character: '' },
          { personId: 1, role: 'artist', character: '' },
        ],
      }),
      100,
    );
    expect(rules.ok).toBe(false);
    if (rules.ok) return;
    expect(rules.fieldErrors).toMatchObject({
      'editions.1.rentalPrice': 'rentalPriceRequired',
      'editions.2.initialStock': 'digitalNoStock',
      'editions.3.availableUntil': 'windowOrder',
    });
    const second = parseProductDraft(
      draft({
        editions: [edition({ format: 'dvd', status: 'draft' }), edition({ sku: 'NEW-CD', status: 'draft' })],
        credits: [
          { personId: 1, role: 'artist', character: '' },
          { personId: 1, role: 'artist', character: '' },
        ],
      }),
      100,
    );
    expect(second.ok).toBe(false);
    if (second.ok) return;
    expect(second.fieldErrors).toMatchObject({
      'editions.0.format': 'formatWrongKind',
      'editions.1.sku': 'skuDuplicate',
      editions: 'activeNeedsEdition',
      'credits.1.personId': 'creditDuplicate',
    });
  });

  it('refuses junk without throwing', () => {
    for (const junk of [null, 42, 'text', [], { editions: 'x' }, { ...draft(), editions: [{}] }]) {
      const result = parseProductDraft(junk, 100);
      expect(result.ok).toBe(false);
    }
  });

  it('reads list filters leniently', () => {
    expect(readAdminProductFilters({ q: ' blue ', kind: 'film', status: 'nope', format: 'vinyl', page: '3' })).toEqual({
      q: 'blue',
      kind: 'film',
      status: null,
      format: 'vinyl',
      page: 3,
    });
    expect(readAdminProductFilters({ page: '-1' }).page).toBe(1);
  });
});
