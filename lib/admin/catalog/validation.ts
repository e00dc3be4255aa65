import { z } from 'zod';
import {
  EDITION_FORMATS,
  FORMATS_BY_KIND,
  type MediaKind,
  PRODUCT_KINDS,
  PUBLICATION_STATUSES,
  type PublicationStatus,
} from '@/lib/catalog/formats';
import { queryText, safeString } from '@/lib/validation/text';
import { type FieldErrors, LIMITS } from './drafts';
import { date, id, oneOf, perCurrency, requiredText, slug, text } from './field-parsers';
import { creditSchema, editionSchema, mediaSchema, trackSchema } from './part-schemas';

/**
 * What the product editor and the CSV import send, and the rules they are checked against. Pure
 * (no database): uniqueness of slugs, SKUs and barcodes and the existence of people and genres are
 * checked in mutations.ts. Every message is a key of admin.catalog.errors in the i18n messages, and
 * every error has a path such as "editions.2.price" that the form shows beside its field. The drafts
 * are in ./drafts.ts, the field parsers in ./field-parsers.ts, the editions', tracks', credits' and
 * media's schemas in ./part-schemas.ts.
 */

/** The fields of the products table, shared by the editor and the CSV import. */
export const productFieldsShape = {
  slug,
  kind: oneOf(PRODUCT_KINDS, 'kindInvalid'),
  title: requiredText(300),
  originalTitle: text(300),
  description: text(10_000, { multiline: true }).transform((value) => value ?? ''),
  releaseDate: date,
  ageRating: text(20),
  label: text(200),
  status: oneOf(PUBLICATION_STATUSES, 'statusInvalid'),
};

function productObject(minorPerMajor: number) {
  return z.object({
    id: id.nullable(),
    version: safeString().max(100).nullable(),
    ...productFieldsShape,
    genreIds: z.array(id).max(LIMITS.genres, 'tooMany'),
    editions: z.array(editionSchema(minorPerMajor)).max(LIMITS.editions, 'tooMany'),
    tracks: z.array(trackSchema).max(LIMITS.tracks, 'tooMany'),
    credits: z.array(creditSchema).max(LIMITS.credits, 'tooMany'),
    media: z.array(mediaSchema).max(LIMITS.gallery + 2, 'tooMany'),
  });
}

export type ProductInput = z.output<ReturnType<typeof productObject>>;
export type EditionInput = ProductInput['editions'][number];

function buildProductSchema(minorPerMajor: number) {
  return productObject(minorPerMajor).superRefine((product, context) => checkProductRules(product, context));
}

export const productSchema = perCurrency(buildProductSchema);

function checkProductRules(product: ProductInput, context: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
  const allowed = FORMATS_BY_KIND[product.kind];
  const skus = new Map<string, number>();
  const barcodes = new Map<string, number>();
  product.editions.forEach((edition, index) => {
    if (!allowed.includes(edition.format)) issue(['editions', index, 'format'], 'formatWrongKind');
    const skuKey = edition.sku.toLowerCase();
    if (skus.has(skuKey)) issue(['editions', index, 'sku'], 'skuDuplicate');
    else skus.set(skuKey, index);
    if (edition.barcode) {
      if (barcodes.has(edition.barcode)) issue(['editions', index, 'barcode'], 'barcodeDuplicate');
      else barcodes.set(edition.barcode, index);
    }
    if (edition.id !== null && edition.initialStock) issue(['editions', index, 'initialStock'], 'stockNotEditable');
  });
  if (product.status === 'active' && !product.editions.some((edition) => edition.status === 'active')) {
    issue(['editions'], 'activeNeedsEdition');
  }
  const credits = new Set<string>();
  product.credits.forEach((credit, index) => {
    const key = `${credit.personId}:${credit.role}`;
    if (credits.has(key)) issue(['credits', index, 'personId'], 'creditDuplicate');
    credits.add(key);
  });
  if (new Set(product.genreIds).size !== product.genreIds.length) issue(['genreIds'], 'invalid');
  const count = (kind: MediaKind) => product.media.filter((item) => item.kind === kind).length;
  if (count('cover') > 1) issue(['media'], 'coverTooMany');
  if (count('trailer') > 1) issue(['media'], 'trailerTooMany');
  if (count('gallery') > LIMITS.gallery) issue(['media'], 'tooMany');
}

/** zod issues as field errors: the first message for each path. */
export function toFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || 'form';
    if (errors[path]) continue;
    // Messages are our keys; zod's own wording (a wrong type from a hand-made request) is "invalid".
    errors[path] = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return errors;
}

/** Parses an editor draft; `ok: false` carries field errors by path. */
export function parseProductDraft(
  draft: unknown,
  minorPerMajor: number,
): { ok: true; input: ProductInput } | { ok: false; fieldErrors: FieldErrors } {
  const result = productSchema(minorPerMajor).safeParse(draft);
  return result.success ? { ok: true, input: result.data } : { ok: false, fieldErrors: toFieldErrors(result.error) };
}

export const bulkStatusSchema = z.object({
  ids: z.array(id).min(1, 'noneSelected').max(500, 'tooMany'),
  status: oneOf(PUBLICATION_STATUSES, 'statusInvalid'),
});

export const personSchema = z.object({
  name: requiredText(200),
  originalName: text(200),
});

/** Admin list filters from the URL; anything unreadable falls back to its default. */
export type AdminProductFilters = {
  q: string;
  kind: (typeof PRODUCT_KINDS)[number] | null;
  status: PublicationStatus | null;
  format: (typeof EDITION_FORMATS)[number] | null;
  page: number;
};

export const ADMIN_PAGE_SIZE = 50;

export function readAdminProductFilters(params: Record<string, string | string[] | undefined>): AdminProductFilters {
  const first = (name: string) => [params[name]].flat()[0]?.trim() ?? '';
  const pick = <T extends string>(values: readonly T[], value: string): T | null =>
    (values as readonly string[]).includes(value) ? (value as T) : null;
  const page = /^\d{1,5}$/.test(first('page')) ? Math.max(1, Number(first('page'))) : 1;
  return {
    q: queryText(params.q, 200),
    kind: pick(PRODUCT_KINDS, first('kind')),
    status: pick(PUBLICATION_STATUSES, first('status')),
    format: pick(EDITION_FORMATS, first('format')),
    page,
  };
}

/** The query string of a set of admin list filters (defaults left out). */
export function adminFiltersQuery(filters: Partial<AdminProductFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.status) params.set('status', filters.status);
  if (filters.format) params.set('format', filters.format);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}
