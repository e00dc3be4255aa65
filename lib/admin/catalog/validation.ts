import { z } from 'zod';
import { EDITION_FORMATS, FORMATS_BY_KIND, PRODUCT_KINDS } from '@/lib/catalog/formats';
import { parseDuration } from './duration';
import { isSlug } from '@/lib/catalog/slug';
import { queryText, safeString } from '@/lib/validation/text';

/**
 * What the product editor and the CSV import send, and the rules they are checked against. Pure
 * (no database): uniqueness of slugs, SKUs and barcodes and the existence of people and genres are
 * checked in mutations.ts. Every message is a key of admin.catalog.errors in the i18n messages, and
 * every error has a path such as "editions.2.price" that the form shows beside its field.
 */

export const PUBLICATION_STATUSES = ['draft', 'active', 'archived'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const CREDIT_ROLES = [
  'artist',
  'composer',
  'producer',
  'director',
  'writer',
  'cast',
  'developer',
  'publisher',
] as const;
export type CreditRole = (typeof CREDIT_ROLES)[number];
export const MEDIA_KINDS = ['cover', 'gallery', 'trailer'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const LIMITS = {
  editions: 50,
  tracks: 500,
  credits: 200,
  genres: 20,
  gallery: 20,
  priceMinor: 100_000_000,
  initialStock: 1_000_000,
} as const;

/** Field errors by path ("title", "editions.0.sku", "tracks.3.duration") → message key. */
export type FieldErrors = Record<string, string>;

// ---------------------------------------------------------------------------------------------
// Drafts: the editor's form state, all text as typed (the CSV import builds the same shapes).

export type EditionDraft = {
  id: number | null;
  sku: string;
  format: string;
  name: string;
  barcode: string;
  catalogNumber: string;
  discCount: string;
  packaging: string;
  vinylWeightGrams: string;
  vinylSpeedRpm: string;
  vinylColour: string;
  regionCode: string;
  audioLanguages: string;
  subtitleLanguages: string;
  platform: string;
  price: string;
  status: string;
  releaseDate: string;
  rentable: boolean;
  rentalPrice: string;
  digital: boolean;
  availableFrom: string;
  availableUntil: string;
  territories: string;
  /** Only for a new edition: written to the stock ledger as an `initial` movement. */
  initialStock: string;
};

export type TrackDraft = {
  position: string;
  discNumber: string;
  title: string;
  duration: string;
  previewUrl: string;
};

export type CreditDraft = { personId: number; role: string; character: string };

export type MediaDraft = { kind: string; url: string; alt: string; width: number | null; height: number | null };

export type ProductDraft = {
  id: number | null;
  /** updated_at of the product when the editor loaded it: a save over someone else's change is refused. */
  version: string | null;
  slug: string;
  kind: string;
  title: string;
  originalTitle: string;
  description: string;
  releaseDate: string;
  ageRating: string;
  label: string;
  status: string;
  genreIds: number[];
  editions: EditionDraft[];
  tracks: TrackDraft[];
  credits: CreditDraft[];
  media: MediaDraft[];
};

// ---------------------------------------------------------------------------------------------
// Field parsers.

const fail = (context: z.RefinementCtx, message: string) => {
  context.addIssue({ code: 'custom', message });
  return z.NEVER;
};

/** Trimmed text (one line unless `multiline`); empty is null unless required. */
const text = (max: number, { required = false, multiline = false } = {}) =>
  safeString({ error: 'invalid', multiline }).transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return required ? fail(context, 'required') : null;
    if (trimmed.length > max) return fail(context, 'tooLong');
    return trimmed;
  });

const requiredText = (max: number) => text(max, { required: true }).transform((value) => value as string);

const oneOf = <T extends string>(values: readonly T[], message = 'invalid') =>
  safeString({ error: message }).transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return fail(context, 'required');
    return (values as readonly string[]).includes(trimmed) ? (trimmed as T) : fail(context, message);
  });

/** A calendar date YYYY-MM-DD (1850–2100), or null when empty. */
export function parseDate(value: string): string | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1850 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return trimmed;
}

const date = safeString({ error: 'dateInvalid' }).transform((value, context) => {
  const parsed = parseDate(value);
  return parsed === undefined ? fail(context, 'dateInvalid') : parsed;
});

/**
 * A moment: "2025-01-31", "2025-01-31T18:00" (UTC when no offset is given, as the editor labels
 * it), or a full ISO 8601 timestamp with Z or an offset. Null when empty.
 */
export function parseMoment(value: string): Date | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const match = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(
    trimmed,
  );
  if (!match?.[1] || parseDate(match[1]) === undefined) return undefined;
  const [hours, minutes, seconds] = [Number(match[2] ?? 0), Number(match[3] ?? 0), Number(match[4] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return undefined;
  const zone = match[5] ?? 'Z';
  const iso = `${match[1]}T${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone}`;
  const result = new Date(iso);
  return Number.isNaN(result.getTime()) ? undefined : result;
}

const moment = safeString({ error: 'dateInvalid' }).transform((value, context) => {
  const parsed = parseMoment(value);
  return parsed === undefined ? fail(context, 'dateInvalid') : parsed;
});

/** Minor units from "12.99" (two decimals for USD, none for JPY…); null when empty, undefined when bad. */
export function parseMoney(value: string, minorPerMajor: number): number | null | undefined {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const digits = Math.round(Math.log10(minorPerMajor));
  const pattern = digits > 0 ? new RegExp(`^(\\d{1,9})(?:\\.(\\d{1,${digits}}))?$`) : /^(\d{1,9})$/;
  const match = pattern.exec(trimmed);
  if (!match) return undefined;
  const fraction = (match[2] ?? '').padEnd(digits, '0');
  return Number(match[1]) * minorPerMajor + (digits > 0 ? Number(fraction) : 0);
}

/** "12.99" from 1299 minor units (the inverse of parseMoney). */
export function formatMoneyInput(minor: number | null | undefined, minorPerMajor: number): string {
  if (minor === null || minor === undefined) return '';
  const digits = Math.round(Math.log10(minorPerMajor));
  if (digits === 0) return String(minor);
  return `${Math.floor(minor / minorPerMajor)}.${String(minor % minorPerMajor).padStart(digits, '0')}`;
}

const money = (minorPerMajor: number) =>
  safeString({ error: 'priceInvalid' }).transform((value, context) => {
    const parsed = parseMoney(value, minorPerMajor);
    if (parsed === undefined) return fail(context, 'priceInvalid');
    if (parsed !== null && parsed > LIMITS.priceMinor) return fail(context, 'priceTooHigh');
    return parsed;
  });

/** A whole number in a range, or null when empty. */
const wholeNumber = (min: number, max: number) =>
  safeString({ error: 'numberInvalid' }).transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return null;
    if (!/^\d{1,9}$/.test(trimmed)) return fail(context, 'numberInvalid');
    const number = Number(trimmed);
    return number < min || number > max ? fail(context, 'numberInvalid') : number;
  });

/** A list typed as "en, fr, zh-Hans" (commas, semicolons or spaces between items). */
export function splitList(value: string): string[] {
  return value
    .split(/[,;\s|]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

const languages = safeString({ error: 'languagesInvalid' }).transform((value, context) => {
  const items = Array.from(new Set(splitList(value)));
  if (items.length > 40 || !items.every((item) => /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(item))) {
    return fail(context, 'languagesInvalid');
  }
  return items;
});

const territories = safeString({ error: 'territoriesInvalid' }).transform((value, context) => {
  const items = Array.from(new Set(splitList(value).map((item) => item.toUpperCase())));
  if (items.length > 250 || !items.every((item) => /^[A-Z]{2}$/.test(item))) return fail(context, 'territoriesInvalid');
  return items.sort();
});

/** A URL the store may point at: https/http, or a path on this site (/uploads/…, /previews/…). */
export function isMediaUrl(value: string): boolean {
  if (value.length > 2000) return false;
  if (/^\/(?!\/)[^\s\\]*$/.test(value)) return true;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password;
  } catch {
    return false;
  }
}

const mediaUrl = ({ required = false } = {}) =>
  safeString({ error: 'urlInvalid' }).transform((value, context) => {
    const trimmed = value.trim();
    if (!trimmed) return required ? fail(context, 'required') : null;
    return isMediaUrl(trimmed) ? trimmed : fail(context, 'urlInvalid');
  });

const slug = safeString({ error: 'slugInvalid' }).transform((value, context) => {
  const trimmed = value.trim();
  if (!trimmed) return fail(context, 'required');
  return isSlug(trimmed) ? trimmed : fail(context, 'slugInvalid');
});

export const SKU_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;
const sku = safeString({ error: 'skuInvalid' }).transform((value, context) => {
  const trimmed = value.trim();
  if (!trimmed) return fail(context, 'required');
  // SKUs are matched exactly (the unique index); upper case keeps "abc-1" and "ABC-1" from both existing.
  return SKU_PATTERN.test(trimmed) ? trimmed.toUpperCase() : fail(context, 'skuInvalid');
});

/** EAN-8, UPC-A, EAN-13 or GTIN-14: digits only. */
const barcode = safeString({ error: 'barcodeInvalid' }).transform((value, context) => {
  const trimmed = value.trim().replace(/[\s-]/g, '');
  if (!trimmed) return null;
  return /^\d{8,14}$/.test(trimmed) ? trimmed : fail(context, 'barcodeInvalid');
});

const duration = safeString({ error: 'durationInvalid' }).transform((value, context) => {
  const parsed = parseDuration(value);
  return parsed === undefined ? fail(context, 'durationInvalid') : parsed;
});

const id = z.number({ error: 'invalid' }).int().positive().max(2_147_483_647);

// ---------------------------------------------------------------------------------------------
// Schemas.

const editionSchemas = new Map<number, ReturnType<typeof buildEditionSchema>>();

/** The edition schema for a currency with `minorPerMajor` minor units (built once per currency). */
export function editionSchema(minorPerMajor: number) {
  let schema = editionSchemas.get(minorPerMajor);
  if (!schema) {
    schema = buildEditionSchema(minorPerMajor);
    editionSchemas.set(minorPerMajor, schema);
  }
  return schema;
}

function buildEditionSchema(minorPerMajor: number) {
  return z
    .object({
      id: id.nullable(),
      sku,
      format: oneOf(EDITION_FORMATS, 'formatInvalid'),
      name: text(200),
      barcode,
      catalogNumber: text(60),
      discCount: wholeNumber(1, 99),
      packaging: text(100),
      vinylWeightGrams: wholeNumber(50, 500),
      vinylSpeedRpm: safeString({ error: 'numberInvalid' }).transform((value, context) => {
        const trimmed = value.trim();
        if (!trimmed) return null;
        return ['33', '45', '78'].includes(trimmed) ? Number(trimmed) : fail(context, 'speedInvalid');
      }),
      vinylColour: text(60),
      regionCode: text(10),
      audioLanguages: languages,
      subtitleLanguages: languages,
      platform: text(60),
      price: money(minorPerMajor).transform((value, context) => (value === null ? fail(context, 'required') : value)),
      status: oneOf(PUBLICATION_STATUSES, 'statusInvalid'),
      releaseDate: date,
      rentable: z.boolean({ error: 'invalid' }),
      rentalPrice: money(minorPerMajor),
      digital: z.boolean({ error: 'invalid' }),
      availableFrom: moment,
      availableUntil: moment,
      territories,
      initialStock: wholeNumber(0, LIMITS.initialStock),
    })
    .superRefine((edition, context) => {
      if (edition.rentable && edition.rentalPrice === null) {
        context.addIssue({ code: 'custom', path: ['rentalPrice'], message: 'rentalPriceRequired' });
      }
      if (edition.availableFrom && edition.availableUntil && edition.availableFrom >= edition.availableUntil) {
        context.addIssue({ code: 'custom', path: ['availableUntil'], message: 'windowOrder' });
      }
      if (edition.digital && edition.initialStock) {
        context.addIssue({ code: 'custom', path: ['initialStock'], message: 'digitalNoStock' });
      }
    })
    .transform(({ price, rentalPrice, ...edition }) => ({
      ...edition,
      priceMinor: price,
      // A rental price only means something for a rentable edition.
      rentalPriceMinor: edition.rentable ? rentalPrice : null,
    }));
}

export const trackSchema = z.object({
  position: requiredText(20),
  discNumber: wholeNumber(1, 99).transform((value) => value ?? 1),
  title: requiredText(300),
  duration,
  previewUrl: mediaUrl(),
});

export const creditSchema = z.object({
  personId: id,
  role: oneOf(CREDIT_ROLES, 'roleInvalid'),
  character: text(200),
});

export const mediaSchema = z.object({
  kind: oneOf(MEDIA_KINDS),
  url: mediaUrl({ required: true }).transform((value) => value as string),
  alt: text(300).transform((value) => value ?? ''),
  width: z.number().int().positive().max(100_000).nullable(),
  height: z.number().int().positive().max(100_000).nullable(),
});

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

const productSchemas = new Map<number, ReturnType<typeof buildProductSchema>>();

function buildProductSchema(minorPerMajor: number) {
  return productObject(minorPerMajor).superRefine((product, context) => checkProductRules(product, context));
}

export function productSchema(minorPerMajor: number) {
  let schema = productSchemas.get(minorPerMajor);
  if (!schema) {
    schema = buildProductSchema(minorPerMajor);
    productSchemas.set(minorPerMajor, schema);
  }
  return schema;
}

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
