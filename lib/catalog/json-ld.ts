import { minorUnitsPerMajor } from '@/lib/money/format';
import type { EditionView, ProductDetail } from './types';

/**
 * schema.org structured data for a product page: MusicAlbum, Movie, TVSeries or VideoGame with one
 * Offer per edition (availability InStock, OutOfStock or PreOrder) and, once it has visible reviews,
 * an AggregateRating.
 * https://developers.google.com/search/docs/appearance/structured-data/product
 */

const TYPES = { album: 'MusicAlbum', film: 'Movie', series: 'TVSeries', game: 'VideoGame' } as const;

export function offerAvailability(edition: Pick<EditionView, 'preorder' | 'digital' | 'stock'>): string {
  if (edition.preorder) return 'https://schema.org/PreOrder';
  return edition.digital || edition.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock';
}

function people(product: ProductDetail, role: string) {
  return product.credits.filter((c) => c.role === role).map((c) => ({ '@type': 'Person', name: c.name }));
}

/**
 * The product page's schema.org Product (with its offers, tracks or episodes, people and rating):
 * one function (~85 lines) because it is one JSON-LD document written out field by field.
 */
export function buildProductJsonLd(
  product: ProductDetail,
  {
    siteUrl,
    currency,
    rating,
  }: { siteUrl: string; currency: string; rating?: { average: number | null; count: number } },
): Record<string, unknown> {
  const url = new URL(`/products/${product.slug}`, siteUrl).toString();
  const cover = product.media.find((m) => m.kind === 'cover');
  const factor = minorUnitsPerMajor(currency);
  const digits = Math.round(Math.log10(factor));
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': TYPES[product.kind],
    name: product.title,
    ...(product.originalTitle ? { alternateName: product.originalTitle } : {}),
    url,
    description: product.description || undefined,
    image: cover ? new URL(cover.url, siteUrl).toString() : undefined,
    datePublished: product.releaseDate ?? undefined,
    genre: product.genres.map((g) => g.name),
    ...(product.ageRating ? { contentRating: product.ageRating } : {}),
    ...(rating && rating.count > 0 && rating.average !== null
      ? {
          aggregateRating: {
            '@type': 'AggregateRating',
            ratingValue: rating.average,
            ratingCount: rating.count,
            bestRating: 5,
            worstRating: 1,
          },
        }
      : {}),
    offers: product.editions.map((edition) => ({
      '@type': 'Offer',
      sku: edition.sku,
      ...(edition.barcode ? { gtin13: edition.barcode } : {}),
      name: edition.name ?? undefined,
      price: (edition.priceMinor / factor).toFixed(digits),
      priceCurrency: currency,
      availability: offerAvailability(edition),
      ...(edition.preorder && edition.releaseDate ? { availabilityStarts: edition.releaseDate } : {}),
      itemCondition: 'https://schema.org/NewCondition',
      url,
    })),
  };
  switch (product.kind) {
    case 'album':
      Object.assign(data, {
        byArtist: people(product, 'artist').map((p) => ({ ...p, '@type': 'MusicGroup' })),
        numTracks: product.tracks.length,
        recordLabel: product.label ? { '@type': 'Organization', name: product.label } : undefined,
        track: product.tracks.map((track, index) => ({
          '@type': 'MusicRecording',
          position: index + 1,
          name: track.title,
          ...(track.durationSeconds ? { duration: isoDuration(track.durationSeconds) } : {}),
        })),
      });
      break;
    case 'film':
      Object.assign(data, {
        director: people(product, 'director'),
        actor: people(product, 'cast'),
        productionCompany: product.label ? { '@type': 'Organization', name: product.label } : undefined,
      });
      break;
    case 'series':
      Object.assign(data, {
        director: people(product, 'director'),
        actor: people(product, 'cast'),
        numberOfEpisodes: product.tracks.length || undefined,
      });
      break;
    case 'game':
      Object.assign(data, {
        author: people(product, 'developer').map((p) => ({ ...p, '@type': 'Organization' })),
        publisher: people(product, 'publisher').map((p) => ({ ...p, '@type': 'Organization' })),
        gamePlatform: Array.from(new Set(product.editions.map((e) => e.platform).filter(Boolean))),
      });
      break;
  }
  return data;
}

/** 245 → "PT4M5S". */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s || (!h && !m) ? `${s}S` : ''}`;
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the script. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
