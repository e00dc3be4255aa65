import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows } from '@/db';
import {
  AVAILABILITIES,
  EDITION_FORMATS,
  PRICE_RANGES,
  type Availability,
  type EditionFormat,
  type PriceRangeId,
} from './formats';
import { minorPerMajor, readCatalog } from './listing-page-sql';
import {
  availabilitySql,
  type Dimension,
  filterConditions,
  formatBit,
  hasBit,
  listedProducts,
  priceRangeBit,
  sellableEdition,
  type TextQuery,
  textMatches,
} from './listing-sql';
import type { Facets } from './types';
import type { BrowseFilters } from './validation';

// Raw SQL: facet counts (bit masks per product, filtered aggregates, JSON built in the database) are
// beyond the query builder. FacetRow is the row type; tests/integration/catalog.test.ts checks the
// counts against the listings they lead to, on a real database.

type FacetRow = Pick<Facets, 'genres' | 'decades'> & {
  counts: {
    total: number;
    formats: Record<EditionFormat, number>;
    prices: Record<PriceRangeId, number>;
    availability: Record<Availability, number>;
  };
};

/**
 * A listing's total and its facet counts, in one statement. Each product the listing considers (for a
 * search, its matches, unranked: only the order of a page needs ranking) is summed up once over its
 * sellable editions (`summary`): for format and price, a bit mask of the values (bit i: value i of
 * EDITION_FORMATS, PRICE_RANGES) its editions offer among those that pass the other edition-level
 * filters; for availability, a flag per kind the same way; `listed` when one edition passes them all.
 * The total counts the listed products that pass every product-level filter; each facet, those that
 * pass every filter but its own. One row per product: counting distinct products over one row per
 * edition took twice as long.
 */
export async function listingCounts(
  filters: BrowseFilters,
  text: TextQuery | null,
): Promise<{ total: number; facets: Facets }> {
  const factor = minorPerMajor();
  const conditions = filterConditions(filters, factor);
  const passes = (...dimensions: Dimension[]) =>
    sql.join(
      dimensions.map((d) => conditions[d] ?? sql`true`),
      sql` and `,
    );
  const counts = <T extends string>(values: readonly T[], column: string) =>
    sql`json_build_object(${sql.join(
      values.map((value, i) => sql`${value}::text, count(*) filter (where ${hasBit(column, i)})`),
      sql`, `,
    )})`;
  const priceIds = PRICE_RANGES.map((r) => r.id);
  const [row] = await readCatalog((tx) =>
    queryRows<FacetRow>(
      tx,
      sql`with summary as materialized (
        select p.id, p.decade, ${passes('genres')} as genres_ok, ${passes('decades')} as decades_ok, offers.*
        from ${text ? sql`${textMatches(listedProducts(filters), text, { ranked: false })} p` : sql`products p`}
        cross join lateral (
          select bit_or(${formatBit}) filter (where ${passes('prices', 'availability')}) as formats,
            bit_or(${priceRangeBit(factor)}) filter (where ${passes('formats', 'availability')}) as prices,
            ${sql.join(
              AVAILABILITIES.map(
                (a) =>
                  sql`bool_or(${availabilitySql[a]}) filter (where ${passes('formats', 'prices')}) as ${sql.identifier(a)}`,
              ),
              sql`, `,
            )},
            bool_or(${passes('formats', 'prices', 'availability')}) as listed
          from editions e where e.product_id = p.id and ${sellableEdition}
        ) offers
        ${text ? sql`` : sql`where ${listedProducts(filters)}`}
      )
      select
        (select json_build_object(
            'total', count(*) filter (where listed),
            'formats', ${counts(EDITION_FORMATS, 'formats')},
            'prices', ${counts(priceIds, 'prices')},
            'availability', json_build_object(${sql.join(
              AVAILABILITIES.map((a) => sql`${a}::text, count(*) filter (where ${sql.identifier(a)})`),
              sql`, `,
            )}))
          from summary where genres_ok and decades_ok) as counts,
        (select coalesce(json_agg(f order by f.count desc, f.label), '[]') from (
          select g.slug as value, g.name as label, g.name_zh as "labelZh", c.count from (
            select pg.genre_id, count(*)::int as count
            from summary s join product_genres pg on pg.product_id = s.id
            where s.listed and s.decades_ok group by pg.genre_id
          ) c join genres g on g.id = c.genre_id
        ) f) as genres,
        (select coalesce(json_agg(f order by f.value desc), '[]') from (
          select decade as value, count(*)::int as count from summary
          where listed and genres_ok and decade is not null group by decade
        ) f) as decades`,
    ),
  );
  if (!row) throw new Error('The facet query returned no row');
  const counted = <T extends string>(values: readonly T[], count: Record<T, number>) =>
    values.map((value) => ({ value, count: count[value] })).filter((facet) => facet.count > 0);
  return {
    total: row.counts.total,
    facets: {
      formats: counted(EDITION_FORMATS, row.counts.formats).sort((a, b) => b.count - a.count),
      genres: row.genres,
      decades: row.decades,
      prices: counted(priceIds, row.counts.prices),
      availability: counted(AVAILABILITIES, row.counts.availability),
    },
  };
}
