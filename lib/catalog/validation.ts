import { z } from 'zod';
import { safeString } from '@/lib/validation/text';
import { cleanQuery } from '@/lib/catalog/search/normalize';
import {
  AVAILABILITIES,
  EDITION_FORMATS,
  PAGE_SIZE,
  PRICE_RANGES,
  PRODUCT_KINDS,
  SORTS,
  type Availability,
  type EditionFormat,
  type PriceRangeId,
  type ProductKind,
  type Sort,
} from './formats';

/**
 * Browse and search filters as they travel in URLs: `?format=vinyl,cd&genre=jazz&decade=1960`
 * `&price=10-20&avail=in_stock&sort=price_asc&page=2`. Lists may be comma-separated or repeated.
 * Pages drop what they cannot read; the JSON API answers 400 naming the parameter.
 */
export type BrowseFilters = {
  kind?: ProductKind;
  q?: string;
  formats: EditionFormat[];
  genres: string[];
  decades: number[];
  prices: PriceRangeId[];
  availability: Availability[];
  sort: Sort;
  page: number;
  pageSize: number;
};

const MAX_PAGE = 10_000;
/** Longer search text is cut by cleanQuery anyway. */
const MAX_QUERY_TEXT = 10_000;
const slugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(60);
const priceIds = PRICE_RANGES.map((r) => r.id) as [PriceRangeId, ...PriceRangeId[]];

/** Digits only: "1.5", "1e3", "0x10", " 7" and "NaN" are not page numbers. */
const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));
const listOf = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `at most ${max} values`);

const paramSchemas = {
  kind: z.enum(PRODUCT_KINDS),
  // Search text keeps its own rule: control characters become spaces (cleanQuery), so a pasted
  // query with a stray one still searches.
  q: z.string().max(MAX_QUERY_TEXT),
  format: listOf(z.enum(EDITION_FORMATS), EDITION_FORMATS.length),
  genre: listOf(slugSchema, 20),
  decade: listOf(
    wholeNumber(1900, 2090).refine((n) => n % 10 === 0, 'must be a decade such as 1980'),
    20,
  ),
  price: listOf(z.enum(priceIds), priceIds.length),
  avail: listOf(z.enum(AVAILABILITIES), AVAILABILITIES.length),
  sort: z.enum(SORTS),
  page: wholeNumber(1, MAX_PAGE),
  pageSize: wholeNumber(1, 100),
} as const;

type ParamName = keyof typeof paramSchemas;
const LIST_PARAMS = new Set<ParamName>(['format', 'genre', 'decade', 'price', 'avail']);
export const BROWSE_PARAM_NAMES = Object.keys(paramSchemas) as ParamName[];

export type ParseResult = { ok: true; filters: BrowseFilters } | { ok: false; param: string; message: string };

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function valuesOf(source: ParamSource, name: string): string[] {
  const raw = source instanceof URLSearchParams ? source.getAll(name) : [source[name] ?? []].flat();
  return raw
    .flatMap((value) => value.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * Reads filters from query parameters. `strict` (the API) rejects unknown parameters and bad
 * values; otherwise (pages) anything unreadable is ignored so a mangled link still shows a page.
 */
export function parseBrowseParams(source: ParamSource, { strict = false } = {}): ParseResult {
  const out: Record<string, unknown> = {};
  if (strict) {
    const names = source instanceof URLSearchParams ? Array.from(source.keys()) : Object.keys(source);
    const unknown = names.find((name) => !(BROWSE_PARAM_NAMES as string[]).includes(name));
    if (unknown) return { ok: false, param: unknown, message: `unknown parameter "${unknown}"` };
  }
  for (const name of BROWSE_PARAM_NAMES) {
    const values = valuesOf(source, name);
    if (values.length === 0) continue;
    const schema = paramSchemas[name] as z.ZodType;
    const candidate = LIST_PARAMS.has(name) ? Array.from(new Set(values)) : values[0];
    const parsed = schema.safeParse(candidate);
    if (parsed.success) {
      out[name] = parsed.data;
    } else if (strict) {
      return { ok: false, param: name, message: parsed.error.issues[0]?.message ?? 'invalid value' };
    } else if (LIST_PARAMS.has(name)) {
      // Keep the readable values of a list, drop the rest.
      const itemSchema = (schema as z.ZodArray<z.ZodType>).element;
      out[name] = (candidate as string[]).flatMap((v) => {
        const item = itemSchema.safeParse(v);
        return item.success ? [item.data] : [];
      });
    }
  }
  const q = typeof out.q === 'string' ? cleanQuery(out.q) : '';
  const filters: BrowseFilters = {
    kind: out.kind as ProductKind | undefined,
    q: q || undefined,
    formats: sorted((out.format as EditionFormat[]) ?? []),
    genres: sorted((out.genre as string[]) ?? []),
    decades: ((out.decade as number[]) ?? []).slice().sort((a, b) => a - b),
    prices: sorted((out.price as PriceRangeId[]) ?? []),
    availability: sorted((out.avail as Availability[]) ?? []),
    sort: (out.sort as Sort | undefined) ?? (q ? 'relevance' : 'newest'),
    page: (out.page as number | undefined) ?? 1,
    pageSize: (out.pageSize as number | undefined) ?? PAGE_SIZE,
  };
  if (filters.sort === 'relevance' && !filters.q) filters.sort = 'newest';
  return { ok: true, filters };
}

/**
 * The filters a cached catalog read accepts. `listProducts` is a `'use cache'` function, which Next
 * also exposes as a server reference: anyone can call it with any value (issue 13.16). Page size is
 * clamped to 100 and the page to MAX_PAGE; anything else that is not a filter gives null.
 */
const cachedFiltersSchema = z.object({
  kind: z.enum(PRODUCT_KINDS).optional(),
  q: safeString().max(MAX_QUERY_TEXT).optional(),
  formats: listOf(z.enum(EDITION_FORMATS), EDITION_FORMATS.length),
  genres: listOf(slugSchema, 20),
  decades: listOf(z.number().int().min(1900).max(2090), 20),
  prices: listOf(z.enum(priceIds), priceIds.length),
  availability: listOf(z.enum(AVAILABILITIES), AVAILABILITIES.length),
  sort: z.enum(SORTS),
  page: z
    .number()
    .int()
    .min(1)
    .transform((page) => Math.min(page, MAX_PAGE)),
  pageSize: z
    .number()
    .int()
    .min(1)
    .transform((size) => Math.min(size, 100)),
});

/** `filters` checked and clamped for a cached read, or null when they are not browse filters at all. */
export function checkedFilters(filters: unknown): BrowseFilters | null {
  const parsed = cachedFiltersSchema.safeParse(filters);
  return parsed.success ? parsed.data : null;
}

/** Lenient parse for pages: never fails, keeps what it can read. */
export function readFilters(source: ParamSource): BrowseFilters {
  const result = parseBrowseParams(source);
  if (!result.ok) throw new Error('lenient parsing cannot fail');
  return result.filters;
}

function sorted<T extends string>(values: T[]): T[] {
  return Array.from(new Set(values)).sort();
}

/**
 * The canonical query string of a set of filters (stable order, defaults left out): the same
 * filters always give the same string, which is the cache key of a browse page. `kind` is part of
 * the path, so it is left out.
 */
export function toQueryString(filters: Partial<BrowseFilters>): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  const list = (name: string, values: (string | number)[] | undefined) => {
    if (values?.length) params.set(name, [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(','));
  };
  list('format', filters.formats);
  list('genre', filters.genres);
  list('decade', filters.decades);
  list('price', filters.prices);
  list('avail', filters.availability);
  const defaultSort = filters.q ? 'relevance' : 'newest';
  if (filters.sort && filters.sort !== defaultSort) params.set('sort', filters.sort);
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  return params.toString().replace(/%2C/g, ',');
}

/**
 * The URL of a browse page: /music, or the canonical filters as path segments,
 * /music/format=cd,vinyl/genre=electronic/page=2. Filters live in the path (not the query string)
 * so that each combination is its own prerenderable, cacheable page that the client router can tell
 * apart from the others.
 */
export function browsePath(section: string, filters: Partial<BrowseFilters>): string {
  const sort = filters.sort === 'relevance' ? undefined : filters.sort;
  const query = toQueryString({ ...filters, q: undefined, sort });
  return query ? `/${section}/${query.split('&').join('/')}` : `/${section}`;
}

/** Filters from the path segments after the section (each one `name=value`, raw or percent-encoded). */
export function filtersFromSegments(segments: string[] | undefined): BrowseFilters {
  const decoded = (segments ?? []).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return '';
    }
  });
  return readFilters(new URLSearchParams(decoded.join('&')));
}

/** Filters with one value of a list facet switched on or off (page reset to 1). */
export function toggleFilter(
  filters: BrowseFilters,
  facet: 'formats' | 'genres' | 'decades' | 'prices' | 'availability',
  value: string | number,
): BrowseFilters {
  const current = filters[facet] as (string | number)[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [facet]: next, page: 1 } as BrowseFilters;
}
