import { type SQL, sql } from 'drizzle-orm';
import { foldText, toTsQuery } from '@/lib/catalog/search/normalize';
import { EDITION_FORMATS, PRICE_RANGES, type Availability } from './formats';
import type { BrowseFilters } from './validation';

/**
 * SQL fragments for browse and search listings. Products are aliased `p`, editions `e`.
 * A product is listed when it is active and has at least one sellable edition that matches every
 * edition-level filter (format, price, availability) at once; genre, decade and text are
 * product-level. Facet counts leave out their own dimension ("disjunctive" facets), so choosing
 * "vinyl" still shows how many products a CD filter would add.
 */

export type Dimension = 'formats' | 'genres' | 'decades' | 'prices' | 'availability';

const join = (parts: SQL[], separator: string) => sql.join(parts, sql.raw(separator));

/** An edition that can be sold today: see editionSellable in sellable.ts, the same rule for the query builder. */
export const sellableEdition = sql`e.status = 'active' and not e.digital
  and (e.available_from is null or e.available_from <= now())
  and (e.available_until is null or e.available_until > now())`;

export const availabilitySql: Record<Availability, SQL> = {
  in_stock: sql`((e.digital or e.stock > 0) and (e.release_date is null or e.release_date <= current_date))`,
  preorder: sql`(e.release_date > current_date)`,
  // Rentable now: lib/rentals/terms.ts's editionRentable and shopper-queries.ts's copyInService, the same rule
  // for the raw listings (the catalog sits below rentals: the statuses are lib/rentals/schema.ts's COPY_OUT_OF_SERVICE).
  rentable: sql`(e.rentable and e.rental_price_minor is not null and exists (select 1 from rental_copies rc
    where rc.edition_id = e.id and rc.status not in ('retired', 'lost', 'damaged', 'sold')))`,
};

/** Bit i of a facet mask stands for value i of its dimension: EDITION_FORMATS, PRICE_RANGES. */
const bit = (i: number) => sql.raw(String(1 << i));

/** True when bit i of the mask in `column` is set. */
export const hasBit = (column: string, i: number) => sql`${sql.identifier(column)} & ${bit(i)} <> 0`;

/** The bit of edition `e`'s format in a format mask. */
export const formatBit = sql`(case e.format ${join(
  EDITION_FORMATS.map((format, i) => sql`when ${format} then ${bit(i)}`),
  ' ',
)} end)`;

/** The bit of edition `e`'s price range in a price mask. */
export function priceRangeBit(minorPerMajor: number): SQL {
  const cases = PRICE_RANGES.map((range, i) =>
    range.max === null ? sql`else ${bit(i)}` : sql`when e.price_minor < ${range.max * minorPerMajor} then ${bit(i)}`,
  );
  return sql`(case ${join(cases, ' ')} end)`;
}

const anyOf = (parts: SQL[]) => sql`(${join(parts, ' or ')})`;
const allOf = (parts: (SQL | null)[]) =>
  join(
    parts.filter((part): part is SQL => part !== null),
    ' and ',
  );
const oneOf = (column: SQL, values: (string | number)[]) =>
  sql`${column} in (${join(
    values.map((v) => sql`${v}`),
    ', ',
  )})`;

const genreCondition = (genres: string[]) =>
  genres.length
    ? sql`exists (select 1 from product_genres pg join genres g on g.id = pg.genre_id
        where pg.product_id = p.id and ${oneOf(sql`g.slug`, genres)})`
    : null;

const decadeCondition = (decades: number[]) => (decades.length ? oneOf(sql`p.decade`, decades) : null);

/**
 * Each filter of a listing as a condition on product `p` and edition `e`, or null when it is not set.
 * Format, price and availability are edition-level; genre and decade product-level.
 */
export function filterConditions(filters: BrowseFilters, minorPerMajor: number): Record<Dimension, SQL | null> {
  const prices = PRICE_RANGES.filter((r) => filters.prices.includes(r.id)).map((r) =>
    r.max === null
      ? sql`e.price_minor >= ${r.min * minorPerMajor}`
      : sql`(e.price_minor >= ${r.min * minorPerMajor} and e.price_minor < ${r.max * minorPerMajor})`,
  );
  return {
    formats: filters.formats.length ? oneOf(sql`e.format`, filters.formats) : null,
    prices: prices.length ? anyOf(prices) : null,
    availability: filters.availability.length ? anyOf(filters.availability.map((a) => availabilitySql[a])) : null,
    genres: genreCondition(filters.genres),
    decades: decadeCondition(filters.decades),
  };
}

const EDITION_DIMENSIONS = ['formats', 'prices', 'availability'] as const;

/** Conditions on the editions `e` of product `p` that a listing shows: sellable and matching every edition-level filter. */
export function editionConditions(filters: BrowseFilters, minorPerMajor: number): SQL {
  const conditions = filterConditions(filters, minorPerMajor);
  return allOf([sql`e.product_id = p.id`, sellableEdition, ...EDITION_DIMENSIONS.map((d) => conditions[d])]);
}

export type TextQuery = { tsquery: string; folded: string };

export function textQuery(q: string | undefined): TextQuery | null {
  if (!q) return null;
  const tsquery = toTsQuery(q);
  return tsquery ? { tsquery, folded: foldText(q) } : null;
}

const relevance = (text: TextQuery) =>
  sql`(ts_rank(p.search_vector, to_tsquery('simple', ${text.tsquery}), 1) * 4
    + word_similarity(${text.folded}, p.search_title)
    + case when p.search_title = ${text.folded} then 2 else 0 end)`;

/**
 * The products `p` meeting `where` that match a text query, as rows (id, decade, and when ranked
 * release_date and score): a full-text match, or a title that contains a word close to the query
 * (typo tolerance). Written as the two index lookups one after the other, each scoring the rows it
 * has just read, the second leaving out what the first found: as an OR, the planner reads the whole
 * table whenever the query is common (200 ms on 100,000 products instead of 30); matching ids first
 * and scoring them after reads every match twice; and a `union` would score the rows both lookups
 * find twice and then hash every row to drop them, where `union all` keeps the rows in the order of
 * the table, which is also the order their editions are stored in.
 */
export function textMatches(where: SQL, text: TextQuery, { ranked = true } = {}): SQL {
  const columns = ranked ? sql`p.id, p.decade, p.release_date, ${relevance(text)} as score` : sql`p.id, p.decade`;
  const branch = (match: SQL) => sql`select ${columns} from products p where ${where} and ${match}`;
  const fullText = sql`p.search_vector @@ to_tsquery('simple', ${text.tsquery})`;
  return sql`(${branch(fullText)}
    union all ${branch(sql`${text.folded} <% p.search_title and (${fullText}) is not true`)})`;
}

/**
 * Conditions on products `p`: active, of the filtered kind, in the filtered genres and decades.
 */
function productConditions(filters: BrowseFilters): SQL {
  return allOf([listedProducts(filters), genreCondition(filters.genres), decadeCondition(filters.decades)]);
}

/** Products `p` a listing can show at all: active and of the filtered kind. */
export function listedProducts(filters: BrowseFilters): SQL {
  return allOf([sql`p.status = 'active'`, filters.kind ? sql`p.kind = ${filters.kind}` : null]);
}

/**
 * The products `p` a listing chooses from, and the conditions they must meet: the catalog when
 * browsing; for a search, its matches (already active and of the filtered kind). Only a listing by
 * relevance ranks them, numbered in order (`rank`) before their editions are read, so that it stops
 * after its page; a listing by price needs only their ids and decades, one by title or release date
 * their products.
 */
export function listingSource(filters: BrowseFilters, text: TextQuery | null): { from: SQL; where: SQL } {
  if (!text) return { from: sql`products p`, where: productConditions(filters) };
  const listed = listedProducts(filters);
  if (filters.sort === 'title' || filters.sort === 'newest') {
    const matched = sql`p.id in (select m.id from ${textMatches(listed, text, { ranked: false })} m)`;
    return { from: sql`products p`, where: allOf([productConditions(filters), matched]) };
  }
  const from =
    filters.sort === 'relevance'
      ? sql`(select m.id, m.decade, row_number() over (order by m.score desc, m.release_date desc nulls last, m.id) as rank
          from ${textMatches(listed, text)} m order by rank) p`
      : sql`${textMatches(listed, text, { ranked: false })} p`;
  const conditions = [genreCondition(filters.genres), decadeCondition(filters.decades)];
  return { from, where: conditions.some(Boolean) ? allOf(conditions) : sql`true` };
}

/**
 * Columns of a ProductCard for product `p`, given a lateral `agg` over its matching editions. The lead
 * credit's name is read by `creditName`, a `select … from credits c` (ordered and limited here).
 */
export function cardColumnsReading(creditName: SQL): SQL {
  return sql`p.id, p.slug, p.kind, p.title, p.original_title as "originalTitle",
  extract(year from p.release_date)::int as year,
  (${creditName}
     where c.product_id = p.id and c.role in ('artist', 'director', 'writer', 'developer')
     order by array_position(array['artist', 'director', 'writer', 'developer']::credit_role[], c.role), c.sort_order
     limit 1) as credit,
  (select m.url from media m where m.product_id = p.id and m.kind = 'cover' order by m.sort_order limit 1) as "coverUrl",
  agg.from_price as "fromPriceMinor", coalesce(agg.preorder, false) as preorder,
  coalesce(agg.in_stock, false) as "inStock", coalesce(agg.rentable, false) as rentable`;
}

/** Columns of a ProductCard for product `p`, given a lateral `agg` over its matching editions. */
export const cardColumns = cardColumnsReading(sql`select pe.name from credits c join people pe on pe.id = c.person_id`);

/** Lateral aggregate over a product's editions matching `conditions`. */
export function editionAggregate(conditions: SQL): SQL {
  return sql`left join lateral (
    select min(e.price_minor)::int as from_price,
      bool_or(${availabilitySql.preorder}) as preorder,
      bool_or(${availabilitySql.in_stock}) as in_stock,
      bool_or(${availabilitySql.rentable}) as rentable
    from editions e where ${conditions}
  ) agg on true`;
}

export function orderBy(filters: BrowseFilters, searching: boolean): SQL {
  switch (filters.sort) {
    case 'price_asc':
      return sql`agg.from_price asc nulls last, p.id`;
    case 'price_desc':
      return sql`agg.from_price desc nulls last, p.id`;
    case 'title':
      return sql`lower(p.title) asc, p.id`;
    case 'relevance':
      return searching ? sql`p.rank` : sql`p.release_date desc nulls last, p.id desc`;
    default:
      return sql`p.release_date desc nulls last, p.id desc`;
  }
}
