import { describe, expect, it } from 'vitest';
import { noEditionDetails } from '@/db/seed/catalog';
import { formatDate, formatDuration, languageNames } from '@/lib/catalog/display';
import { buildProductJsonLd, isoDuration, offerAvailability, serializeJsonLd } from '@/lib/catalog/json-ld';
import type { ProductDetail } from '@/lib/catalog/types';

describe('display helpers', () => {
  it('formats durations', () => {
    expect(formatDuration(245)).toBe('4:05');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(null)).toBe('');
    expect(isoDuration(245)).toBe('PT4M5S');
    expect(isoDuration(3600)).toBe('PT1H');
  });
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2019-06-15', 'en-US')).toBe('June 15, 2019');
    expect(formatDate('2019-06-15', 'zh-CN')).toBe('2019年6月15日');
  });
  it('names languages in the reader’s language', () => {
    expect(languageNames(['en', 'zh'], 'en-US')).toBe('English, Chinese');
  });
});

const product: ProductDetail = {
  id: 1,
  slug: 'neon-harbour',
  kind: 'album',
  title: 'Neon Harbour </script><script>alert(1)</script>',
  originalTitle: null,
  description: 'Synths.',
  releaseDate: '1984-06-15',
  ageRating: null,
  label: 'Lanternfish Records',
  genres: [{ slug: 'electronic', name: 'Electronic', nameZh: '电子' }],
  editions: [
    {
      id: 1,
      sku: 'A',
      format: 'cd',
      name: null,
      barcode: '5012345678900',
      ...noEditionDetails(),
      discCount: 1,
      priceMinor: 1299,
      stock: 0,
      releaseDate: null,
      preorder: false,
      rentable: false,
      rentalPriceMinor: null,
      digital: false,
      availableUntil: null,
      territories: [],
    },
    {
      id: 2,
      sku: 'B',
      format: 'vinyl',
      name: null,
      barcode: null,
      catalogNumber: null,
      discCount: 1,
      packaging: null,
      vinylWeightGrams: 180,
      vinylSpeedRpm: 33,
      vinylColour: null,
      regionCode: null,
      audioLanguages: [],
      subtitleLanguages: [],
      platform: null,
      priceMinor: 2899,
      stock: 4,
      releaseDate: '2099-01-01',
      preorder: true,
      rentable: false,
      rentalPriceMinor: null,
      digital: false,
      availableUntil: null,
      territories: [],
    },
  ],
  tracks: [{ id: 1, position: '1', discNumber: 1, title: 'Harbour Lights', durationSeconds: 245, previewUrl: null }],
  credits: [{ personSlug: 'marlow-vance', name: 'Marlow Vance', originalName: null, role: 'artist', character: null }],
  media: [{ kind: 'cover', url: '/art/neon-harbour/0.svg', alt: '', width: 600, height: 600 }],
  moreBy: null,
  updatedAt: '2026-01-01',
};

describe('JSON-LD', () => {
  it('describes an album with one offer per edition and their availability', () => {
    const data = buildProductJsonLd(product, { siteUrl: 'https://shop.example', currency: 'USD' });
    expect(data['@type']).toBe('MusicAlbum');
    const offers = data.offers as { price: string; availability: string; gtin13?: string }[];
    expect(offers.map((o) => o.price)).toEqual(['12.99', '28.99']);
    expect(offers[0]?.availability).toBe('https://schema.org/OutOfStock');
    expect(offers[0]?.gtin13).toBe('5012345678900');
    expect(offers[1]?.availability).toBe('https://schema.org/PreOrder');
    expect(data.image).toBe('https://shop.example/art/neon-harbour/0.svg');
  });
  it('cannot be used to close the script element', () => {
    const json = serializeJsonLd(buildProductJsonLd(product, { siteUrl: 'https://shop.example', currency: 'USD' }));
    expect(json).not.toContain('</script>');
    expect(JSON.parse(json).name).toContain('</script>');
  });
  it('maps stock to availability', () => {
    expect(offerAvailability({ preorder: false, digital: true, stock: 0 })).toBe('https://schema.org/InStock');
  });
});
