import { sql } from 'drizzle-orm';
import { pick } from '@/db';
import { editions, products } from '@/lib/catalog/schema';

/**
 * A product and an edition as the CSV export writes them and the import compares them, as query
 * builder selections (so their types come from the schema) and the types they read.
 */

const PRODUCT_KEYS = [
  ...['slug', 'kind', 'title', 'originalTitle', 'description', 'releaseDate', 'label', 'ageRating', 'status'],
] as const;
const EDITION_KEYS = [
  ...['sku', 'format', 'name', 'barcode', 'catalogNumber', 'discCount', 'packaging', 'platform', 'territories'],
  ...['vinylWeightGrams', 'vinylSpeedRpm', 'vinylColour', 'regionCode', 'audioLanguages', 'subtitleLanguages'],
  ...['priceMinor', 'status', 'releaseDate', 'rentable', 'rentalPriceMinor', 'digital', 'stock'],
  ...['availableFrom', 'availableUntil'],
] as const;

export type ExportProduct = Pick<typeof products.$inferSelect, (typeof PRODUCT_KEYS)[number]> & { genres: string[] };
export type ExportEdition = Pick<typeof editions.$inferSelect, (typeof EDITION_KEYS)[number]>;

/** ExportProduct's columns of `products` (without the genres). */
export const exportProductColumns = () => pick(products, PRODUCT_KEYS);

/**
 * ExportProduct over `products`, its genres' slugs in order. The subquery names "products" itself:
 * a single-table select leaves its columns unqualified, so `${products.id}` would bind to the
 * subquery's own tables.
 */
export const exportProductFields = {
  ...exportProductColumns(),
  genres: sql<string[]>`coalesce((select array_agg(g.slug order by g.slug) from product_genres pg
    join genres g on g.id = pg.genre_id where pg.product_id = "products"."id"), '{}')`,
};

/** ExportEdition over `editions`. */
export const exportEditionFields = pick(editions, EDITION_KEYS);
