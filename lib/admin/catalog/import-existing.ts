import 'server-only';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';
import type { ExportEdition, ExportProduct } from './csv-columns';

/** What the CSV import compares a file's rows with: the products, editions and genres they name. */

export type ExistingProduct = ExportProduct & { id: number };
export type ExistingEdition = ExportEdition & { id: number; productId: number; productSlug: string };

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

export const inList = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** The products, editions and barcode owners a set of rows names, read in chunks of 1,000 values. */
export async function loadExisting(executor: Executor, slugs: string[], skus: string[], barcodes: string[]) {
  const productsBySlug = new Map<string, ExistingProduct>();
  for (const part of chunks(slugs, 1000)) {
    const rows = await queryRows<ExistingProduct>(
      executor,
      sql`select p.id, p.slug, p.kind, p.title, p.original_title as "originalTitle", p.description,
          p.release_date::text as "releaseDate", p.label, p.age_rating as "ageRating", p.status,
          coalesce((select array_agg(g.slug order by g.slug) from product_genres pg join genres g on g.id = pg.genre_id
            where pg.product_id = p.id), '{}') as genres
        from products p where p.slug in (${inList(part)})`,
    );
    for (const row of rows) productsBySlug.set(row.slug, row);
  }
  const editionsBySku = new Map<string, ExistingEdition>();
  for (const part of chunks(skus, 1000)) {
    const rows = await queryRows<ExistingEdition>(
      executor,
      sql`select e.product_id as "productId", p.slug as "productSlug", e.id, e.sku, e.format, e.name, e.barcode,
          e.catalog_number as "catalogNumber", e.disc_count as "discCount", e.packaging,
          e.vinyl_weight_grams as "vinylWeightGrams", e.vinyl_speed_rpm as "vinylSpeedRpm",
          e.vinyl_colour as "vinylColour", e.region_code as "regionCode", e.audio_languages as "audioLanguages",
          e.subtitle_languages as "subtitleLanguages", e.platform, e.price_minor as "priceMinor", e.status,
          e.release_date::text as "releaseDate", e.rentable, e.rental_price_minor as "rentalPriceMinor", e.digital,
          e.available_from as "availableFrom", e.available_until as "availableUntil", e.territories, e.stock
        from editions e join products p on p.id = e.product_id where e.sku in (${inList(part)})`,
    );
    for (const row of rows) editionsBySku.set(row.sku, row);
  }
  const barcodeOwners = new Map<string, string>();
  for (const part of chunks(barcodes, 1000)) {
    const rows = await queryRows<{ sku: string; barcode: string }>(
      executor,
      sql`select sku, barcode from editions where barcode in (${inList(part)})`,
    );
    for (const row of rows) barcodeOwners.set(row.barcode, row.sku);
  }
  const genres = new Map(
    (await queryRows<{ id: number; slug: string }>(executor, sql`select id, slug from genres`)).map((g) => [
      g.slug,
      g.id,
    ]),
  );
  return { productsBySlug, editionsBySku, barcodeOwners, genres };
}
