import 'server-only';
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { editions, genres, people, products } from '@/lib/catalog/schema';
import type { FieldErrors } from './drafts';
import type { ProductInput } from './validation';

/**
 * What the database must confirm before a product is saved (unique slug, SKUs and barcodes; people
 * and genres that exist; editions that can be removed), and the unique constraints that catch a
 * race between that check and the write.
 */

type PgError = { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };

/** The unique constraint a database error violated, looking through Drizzle's wrapping. */
export function violatedConstraint(error: unknown): string | null {
  for (let e = error as PgError | undefined, depth = 0; e && depth < 5; e = e.cause as PgError, depth++) {
    if (e.code === '23505') return e.constraint ?? e.constraint_name ?? '';
  }
  return null;
}

/** Field errors for references the database must confirm: unique slug, SKUs and barcodes; people; genres. */
export async function checkReferences(
  tx: Transaction,
  input: ProductInput,
  existingEditions: { id: number; sku: string; ordered: boolean; moved: boolean }[],
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const productId = input.id ?? 0;
  const [slugOwner] = await tx
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, input.slug), ne(products.id, productId)));
  if (slugOwner) errors.slug = 'slugTaken';

  const ownIds = new Set(existingEditions.map((e) => e.id));
  input.editions.forEach((edition, index) => {
    if (edition.id !== null && !ownIds.has(edition.id)) errors[`editions.${index}`] = 'editionNotFound';
  });
  const kept = new Set(input.editions.map((e) => e.id).filter((id): id is number => id !== null));
  const removed = existingEditions.filter((e) => !kept.has(e.id));
  const inUse = removed.filter((e) => e.ordered || e.moved);
  if (inUse.length) errors.editions = `editionInUse:${inUse.map((e) => e.sku).join(', ')}`;

  const skus = input.editions.map((e) => e.sku);
  if (skus.length) {
    const owners = await tx
      .select({ id: editions.id, sku: editions.sku })
      .from(editions)
      .where(inArray(editions.sku, skus));
    input.editions.forEach((edition, index) => {
      const owner = owners.find((o) => o.sku === edition.sku);
      if (owner && owner.id !== edition.id) errors[`editions.${index}.sku`] = 'skuTaken';
    });
  }
  const barcodes = input.editions.map((e) => e.barcode).filter((b): b is string => Boolean(b));
  if (barcodes.length) {
    const owners = await tx
      .select({ id: editions.id, barcode: editions.barcode })
      .from(editions)
      .where(inArray(editions.barcode, barcodes));
    input.editions.forEach((edition, index) => {
      const owner = owners.find((o) => o.barcode === edition.barcode);
      if (owner && owner.id !== edition.id) errors[`editions.${index}.barcode`] = 'barcodeTaken';
    });
  }
  const personIds = Array.from(new Set(input.credits.map((c) => c.personId)));
  if (personIds.length) {
    const found = new Set(
      (await tx.select({ id: people.id }).from(people).where(inArray(people.id, personIds))).map((r) => r.id),
    );
    input.credits.forEach((credit, index) => {
      if (!found.has(credit.personId)) errors[`credits.${index}.personId`] = 'personMissing';
    });
  }
  if (input.genreIds.length) {
    const [found] = await tx.select({ n: count() }).from(genres).where(inArray(genres.id, input.genreIds));
    if (found?.n !== input.genreIds.length) errors.genreIds = 'genreMissing';
  }
  return errors;
}

export const CONSTRAINT_FIELDS: Record<string, string> = {
  products_slug_key: 'slug',
  editions_sku_key: 'editions',
  editions_barcode_key: 'editions',
  credits_product_person_role_key: 'credits',
};
export const CONSTRAINT_MESSAGES: Record<string, string> = {
  products_slug_key: 'slugTaken',
  editions_sku_key: 'skuTaken',
  editions_barcode_key: 'barcodeTaken',
  credits_product_person_role_key: 'creditDuplicate',
};
