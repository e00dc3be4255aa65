import 'server-only';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '@/db';
import { editions, genres, products } from '@/lib/catalog/schema';
import { type ExportEdition, exportEditionFields, type ExportProduct, exportProductFields } from './export-fields';

/** What the CSV import compares a file's rows with: the products, editions and genres they name. */

export type ExistingProduct = ExportProduct & { id: number };
export type ExistingEdition = ExportEdition & { id: number; productId: number; productSlug: string };

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The products, editions and barcode owners a set of rows names, read in chunks of 1,000 values. */
export async function loadExisting(executor: Executor, slugs: string[], skus: string[], barcodes: string[]) {
  const productsBySlug = new Map<string, ExistingProduct>();
  for (const part of chunks(slugs, 1000)) {
    const rows = await executor
      .select({ id: products.id, ...exportProductFields })
      .from(products)
      .where(inArray(products.slug, part));
    for (const row of rows) productsBySlug.set(row.slug, row);
  }
  const editionsBySku = new Map<string, ExistingEdition>();
  for (const part of chunks(skus, 1000)) {
    const rows = await executor
      .select({ productId: editions.productId, productSlug: products.slug, id: editions.id, ...exportEditionFields })
      .from(editions)
      .innerJoin(products, eq(products.id, editions.productId))
      .where(inArray(editions.sku, part));
    for (const row of rows) editionsBySku.set(row.sku, row);
  }
  const barcodeOwners = new Map<string, string>();
  for (const part of chunks(barcodes, 1000)) {
    const rows = await executor
      .select({ sku: editions.sku, barcode: editions.barcode })
      .from(editions)
      .where(inArray(editions.barcode, part));
    for (const row of rows) if (row.barcode !== null) barcodeOwners.set(row.barcode, row.sku);
  }
  const genreIds = new Map(
    (await executor.select({ id: genres.id, slug: genres.slug }).from(genres)).map((g) => [g.slug, g.id]),
  );
  return { productsBySlug, editionsBySku, barcodeOwners, genres: genreIds };
}
