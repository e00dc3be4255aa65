import { sql } from 'drizzle-orm';
import { editions, products } from '@/lib/catalog/schema';

/**
 * A product and an edition as the CSV export writes them and the import compares them, as query
 * builder selections (so their types come from the schema) and the types they read.
 */

export type ExportProduct = Pick<
  typeof products.$inferSelect,
  'slug' | 'kind' | 'title' | 'originalTitle' | 'description' | 'releaseDate' | 'label' | 'ageRating' | 'status'
> & { genres: string[] };

export type ExportEdition = Pick<
  typeof editions.$inferSelect,
  | 'sku'
  | 'format'
  | 'name'
  | 'barcode'
  | 'catalogNumber'
  | 'discCount'
  | 'packaging'
  | 'vinylWeightGrams'
  | 'vinylSpeedRpm'
  | 'vinylColour'
  | 'regionCode'
  | 'audioLanguages'
  | 'subtitleLanguages'
  | 'platform'
  | 'priceMinor'
  | 'status'
  | 'releaseDate'
  | 'rentable'
  | 'rentalPriceMinor'
  | 'digital'
  | 'availableFrom'
  | 'availableUntil'
  | 'territories'
  | 'stock'
>;

/**
 * ExportProduct over `products`, its genres' slugs in order. The subquery names "products" itself:
 * a single-table select leaves its columns unqualified, so `${products.id}` would bind to the
 * subquery's own tables.
 */
export const exportProductFields = {
  slug: products.slug,
  kind: products.kind,
  title: products.title,
  originalTitle: products.originalTitle,
  description: products.description,
  releaseDate: products.releaseDate,
  label: products.label,
  ageRating: products.ageRating,
  status: products.status,
  genres: sql<string[]>`coalesce((select array_agg(g.slug order by g.slug) from product_genres pg
    join genres g on g.id = pg.genre_id where pg.product_id = "products"."id"), '{}')`,
};

/** ExportEdition over `editions`. */
export const exportEditionFields = {
  sku: editions.sku,
  format: editions.format,
  name: editions.name,
  barcode: editions.barcode,
  catalogNumber: editions.catalogNumber,
  discCount: editions.discCount,
  packaging: editions.packaging,
  vinylWeightGrams: editions.vinylWeightGrams,
  vinylSpeedRpm: editions.vinylSpeedRpm,
  vinylColour: editions.vinylColour,
  regionCode: editions.regionCode,
  audioLanguages: editions.audioLanguages,
  subtitleLanguages: editions.subtitleLanguages,
  platform: editions.platform,
  priceMinor: editions.priceMinor,
  status: editions.status,
  releaseDate: editions.releaseDate,
  rentable: editions.rentable,
  rentalPriceMinor: editions.rentalPriceMinor,
  digital: editions.digital,
  availableFrom: editions.availableFrom,
  availableUntil: editions.availableUntil,
  territories: editions.territories,
  stock: editions.stock,
} satisfies Record<keyof ExportEdition, unknown>;
