import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { type SQL, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { env } from '@/lib/env';
import { minorUnitsPerMajor } from '@/lib/money/format';
import { suggestCorrection } from '@/lib/catalog/search/queries';
import {
  AVAILABILITIES,
  EDITION_FORMATS,
  PRICE_RANGES,
  type Availability,
  type EditionFormat,
  type PriceRangeId,
  type ProductKind,
} from './formats';
import {
  availabilitySql,
  cardColumns,
  type Dimension,
  editionAggregate,
  editionConditions,
  filterConditions,
  orderBy,
  formatBit,
  hasBit,
  priceRangeBit,
  listedProducts,
  listingSource,
  sellableEdition,
  type TextQuery,
  textMatches,
  textQuery,
} from './listing-sql';
import { isSlug } from './slug';
import { CATALOG_TAG, personTag, productTag } from './tags';
import type {
  CreditView,
  EditionView,
  Facets,
  HomeRails,
  MediaView,
  PersonDetail,
  ProductCard,
  ProductDetail,
  ProductList,
  TrackView,
} from './types';
import { type BrowseFilters, checkedFilters } from './validation';

/**
 * Public catalog reads. Everything here is cached with `'use cache'` and tagged: CATALOG_TAG for
 * anything a catalog change can affect, plus per-product and per-person tags. Writers invalidate
 * those tags (lib/catalog/tags.ts). Only active products and sellable editions are ever returned.
 */

const minorPerMajor = () => minorUnitsPerMajor(env.STORE_CURRENCY);

/** The first `limit` cards of the products meeting `where` that have a sellable edition. */
async function listCards(where: SQL, order: SQL, limit: number) {
  const db = await getDb();
  return queryRows<ProductCard>(
    db,
    sql`select ${cardColumns}
      from products p ${editionAggregate(sql`e.product_id = p.id and ${sellableEdition}`)}
      where ${where} and agg.from_price is not null
      order by ${order} limit ${limit}`,
  );
}

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
async function listingCounts(
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
  const [row] = await readCatalog<FacetRow>(
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
  );
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

/**
 * A page of a listing in two steps: first the page's ids and edition aggregates, from the products
 * (for a search: its matches, see listingSource) and their editions; then the cards of those ids only
 * (`listed` is aliased `agg`, the name cardColumns reads the aggregate by). The total comes with the
 * facets (listingCounts), so a listing in an order it can read in (a search by relevance) stops after
 * its page.
 */
async function runListing(filters: BrowseFilters, text: TextQuery | null) {
  const offset = (filters.page - 1) * filters.pageSize;
  const editionWhere = editionConditions(filters, minorPerMajor());
  const order = orderBy(filters, text !== null);
  const source = listingSource(filters, text);
  return readCatalog<ProductCard>(
    sql`with listed as (
        select p.id, agg.*, row_number() over (order by ${order}) as position
        from ${source.from} ${editionAggregate(editionWhere)}
        where ${source.where} and agg.from_price is not null
        order by ${order} limit ${filters.pageSize} offset ${offset}
      )
      select ${cardColumns}
      from listed agg join products p on p.id = agg.id
      order by agg.position`,
  );
}

/**
 * One read of a listing, in its own transaction with planner settings for a catalog that is read far
 * more than written and lives in memory: index lookups priced as what they cost on SSD or cached data
 * (the default random_page_cost assumes spinning disks and turns a search over 100,000 products into
 * full-table scans), and no JIT compilation, which on the larger estimates of facet queries added up to
 * a second to a query that runs in milliseconds; and no parallel workers: a search already runs its
 * statements side by side, and workers only took cores from them (a broad word's facets went from 70
 * to 100 ms). SET LOCAL keeps this off other queries and works through connection poolers.
 */
async function readCatalog<T>(query: SQL): Promise<T[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('random_page_cost', '1.1', true), set_config('jit', 'off', true),
        set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    return queryRows<T>(tx, query);
  });
}

const NOTHING_LISTED: ProductList = {
  items: [],
  total: 0,
  page: 1,
  pageCount: 1,
  facets: { formats: [], genres: [], decades: [], prices: [], availability: [] },
  didYouMean: null,
  corrected: false,
};

/**
 * A page of products for browse (kind) and search (q), with facet counts, sorting and paging.
 * For a query that matches nothing, it retries with the "did you mean" correction.
 */
export async function listProducts(filters: BrowseFilters): Promise<ProductList> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG);
  // Callable from outside as a server reference: check and clamp what came in (13.16).
  const checked = checkedFilters(filters);
  if (!checked) return NOTHING_LISTED;
  filters = checked;

  const text = textQuery(filters.q);
  // A search's listing and its counts each find the matches: side by side, that is sooner than
  // matching once and waiting for it.
  const listing = (f: BrowseFilters, t: TextQuery | null) => Promise.all([runListing(f, t), listingCounts(f, t)]);
  // The page, its facets and the spelling suggestion are independent: fetch them together.
  const [[firstRows, firstCounts], didYouMean] = await Promise.all([
    listing(filters, text),
    filters.q ? suggestCorrection(filters.q) : Promise.resolve(null),
  ]);
  let [rows, counts] = [firstRows, firstCounts];
  let corrected = false;
  if (rows.length === 0 && didYouMean && filters.page === 1) {
    // Nothing matched what was typed: show the results of the correction instead.
    const correctedFilters = { ...filters, q: didYouMean };
    const [retry, retryCounts] = await listing(correctedFilters, textQuery(didYouMean));
    if (retry.length > 0) [rows, counts, corrected] = [retry, retryCounts, true];
  }
  // A page past the end lists nothing and counts nothing.
  const total = rows.length ? counts.total : 0;
  return {
    items: rows,
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
    facets: counts.facets,
    didYouMean,
    corrected,
  };
}

/** Home page rails: new releases, pre-orders, best sellers (units sold in 90 days), one rail per kind. */
export async function getHomeRails(): Promise<HomeRails> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG);

  const released = sql`p.status = 'active' and p.release_date <= current_date`;
  const [newReleases, comingSoon, bestSellers, ...byKind] = await Promise.all([
    listCards(released, sql`p.release_date desc, p.id desc`, 12),
    listCards(sql`p.status = 'active' and p.release_date > current_date`, sql`p.release_date asc, p.id`, 12),
    listCards(
      sql`p.status = 'active' and p.id in (select product_id from (${bestSellerIds(24)}) b)`,
      sql`(select units from (${bestSellerIds(24)}) b where b.product_id = p.id) desc, p.id`,
      12,
    ),
    ...(['album', 'film', 'series', 'game'] as const).map((kind) =>
      listCards(sql`${released} and p.kind = ${kind}`, sql`p.release_date desc, p.id desc`, 12),
    ),
  ]);
  return {
    newReleases,
    comingSoon,
    bestSellers,
    byKind: (['album', 'film', 'series', 'game'] as const).map((kind, i) => ({ kind, items: byKind[i] })),
  };
}

/** Products by units sold in the last 90 days, from the stock ledger. */
function bestSellerIds(limit: number): SQL {
  return sql`select e.product_id, sum(-m.delta)::int as units
    from stock_movements m join editions e on e.id = m.edition_id
    where m.reason = 'order' and m.created_at > now() - interval '90 days'
    group by e.product_id order by units desc limit ${limit}`;
}

/** A product page: the product with its sellable editions, tracks, credits, genres and media. */
export async function getProduct(slug: string): Promise<ProductDetail | null> {
  'use cache';
  // Any string can arrive here (a URL segment, or a direct call as a server action): only a slug is looked up.
  if (typeof slug !== 'string' || !isSlug(slug)) return null;
  cacheLife('catalog');
  cacheTag(CATALOG_TAG, productTag(slug));

  const db = await getDb();
  const [product] = await queryRows<
    Omit<ProductDetail, 'genres' | 'editions' | 'tracks' | 'credits' | 'media' | 'moreBy'>
  >(
    db,
    sql`select id, slug, kind, title, original_title as "originalTitle", description,
        release_date::text as "releaseDate", age_rating as "ageRating", label, updated_at::text as "updatedAt"
      from products where slug = ${slug} and status = 'active'`,
  );
  if (!product) return null;
  const [genres, editionRows, tracks, credits, mediaRows] = await Promise.all([
    queryRows<ProductDetail['genres'][number]>(
      db,
      sql`select g.slug, g.name, g.name_zh as "nameZh" from product_genres pg join genres g on g.id = pg.genre_id
        where pg.product_id = ${product.id} order by g.name`,
    ),
    queryRows<EditionView>(
      db,
      sql`select e.id, e.sku, e.format, e.name, e.barcode, e.catalog_number as "catalogNumber",
          e.disc_count as "discCount", e.packaging, e.vinyl_weight_grams as "vinylWeightGrams",
          e.vinyl_speed_rpm as "vinylSpeedRpm", e.vinyl_colour as "vinylColour", e.region_code as "regionCode",
          e.audio_languages as "audioLanguages", e.subtitle_languages as "subtitleLanguages", e.platform,
          e.price_minor as "priceMinor", e.stock, e.release_date::text as "releaseDate",
          ${availabilitySql.preorder} as preorder, e.rentable, e.rental_price_minor as "rentalPriceMinor",
          e.digital, e.available_until::text as "availableUntil", e.territories
        from editions e
        where e.product_id = ${product.id} and ${sellableEdition}
        order by array_position(enum_range(null::edition_format), e.format), e.price_minor`,
    ),
    queryRows<TrackView>(
      db,
      sql`select id, position, disc_number as "discNumber", title, duration_seconds as "durationSeconds",
          preview_url as "previewUrl"
        from tracks where product_id = ${product.id} order by sort_order`,
    ),
    queryRows<CreditView>(
      db,
      sql`select pe.slug as "personSlug", pe.name, pe.original_name as "originalName", c.role, c.character
        from credits c join people pe on pe.id = c.person_id
        where c.product_id = ${product.id} order by c.role, c.sort_order, pe.name`,
    ),
    queryRows<MediaView>(
      db,
      sql`select kind, url, alt, width, height from media where product_id = ${product.id} order by kind, sort_order`,
    ),
  ]);
  const lead = credits.find((c) => ['artist', 'director', 'writer', 'developer'].includes(c.role));
  let moreBy: ProductDetail['moreBy'] = null;
  if (lead) {
    const items = await listCards(
      sql`p.status = 'active' and p.id <> ${product.id} and p.id in (
        select c.product_id from credits c join people pe on pe.id = c.person_id
        where pe.slug = ${lead.personSlug} and c.role = ${lead.role})`,
      sql`p.release_date desc nulls last, p.id`,
      8,
    );
    if (items.length) moreBy = { person: { slug: lead.personSlug, name: lead.name }, items };
  }
  return { ...product, genres, editions: editionRows, tracks, credits, media: mediaRows, moreBy };
}

/** A person's page: their products grouped by role. */
export async function getPerson(slug: string): Promise<PersonDetail | null> {
  'use cache';
  // Any string can arrive here (a URL segment, or a direct call as a server action): only a slug is looked up.
  if (typeof slug !== 'string' || !isSlug(slug)) return null;
  cacheLife('catalog');
  cacheTag(CATALOG_TAG, personTag(slug));

  const db = await getDb();
  const [person] = await queryRows<{
    id: number;
    slug: string;
    name: string;
    originalName: string | null;
    bio: string | null;
  }>(db, sql`select id, slug, name, original_name as "originalName", bio from people where slug = ${slug}`);
  if (!person) return null;
  const rows = await queryRows<ProductCard & { role: string }>(
    db,
    sql`select ${cardColumns}, c.role
      from credits c join products p on p.id = c.product_id
      ${editionAggregate(sql`e.product_id = p.id and ${sellableEdition}`)}
      where c.person_id = ${person.id} and p.status = 'active' and agg.from_price is not null
      order by c.role, p.release_date desc nulls last`,
  );
  const roles = new Map<string, ProductCard[]>();
  for (const { role, ...card } of rows) roles.set(role, [...(roles.get(role) ?? []), card]);
  return {
    slug: person.slug,
    name: person.name,
    originalName: person.originalName,
    bio: person.bio,
    roles: Array.from(roles, ([role, items]) => ({ role, items })),
  };
}

/** Slugs to prerender at build time: the newest products of each kind (the rest render on demand). */
export async function listPrerenderedProductSlugs(perKind = 6): Promise<string[]> {
  const db = await getDb();
  const rows = await queryRows<{ slug: string }>(
    db,
    sql`select slug from (
      select slug, row_number() over (partition by kind order by release_date desc nulls last, id) as n
      from products where status = 'active') ranked
      where n <= ${perKind}`,
  );
  return rows.map((r) => r.slug);
}

/** Every public URL for sitemap.xml. */
export async function listSitemapEntries(): Promise<{
  products: { slug: string; updatedAt: string }[];
  people: string[];
}> {
  'use cache';
  cacheLife('catalog');
  cacheTag(CATALOG_TAG);
  const db = await getDb();
  const [products, people] = await Promise.all([
    queryRows<{ slug: string; updatedAt: string }>(
      db,
      sql`select slug, updated_at::text as "updatedAt" from products where status = 'active' order by id limit 45000`,
    ),
    queryRows<{ slug: string }>(
      db,
      sql`select distinct pe.slug from people pe join credits c on c.person_id = pe.id
        join products p on p.id = c.product_id where p.status = 'active' limit 4000`,
    ),
  ]);
  return { products, people: people.map((p) => p.slug) };
}

/**
 * What the generated cover art needs: title, lead credit, kind, and whether the product is active.
 * Drafts too, for the admins' previews: the art route shows an inactive product's only to admins.
 */
export async function getCoverArtInfo(
  slug: string,
): Promise<{ title: string; subtitle: string | null; kind: ProductKind; active: boolean } | null> {
  'use cache';
  if (typeof slug !== 'string' || !isSlug(slug)) return null;
  cacheLife('catalog');
  cacheTag(productTag(slug));
  const db = await getDb();
  const [row] = await queryRows<{ title: string; subtitle: string | null; kind: ProductKind; active: boolean }>(
    db,
    sql`select p.title, p.kind, p.status = 'active' as active,
        (select pe.name from credits c join people pe on pe.id = c.person_id where c.product_id = p.id
          and c.role in ('artist', 'director', 'writer', 'developer') order by c.sort_order limit 1) as subtitle
      from products p where p.slug = ${slug}`,
  );
  return row ?? null;
}

/** Whether a track at this product slug and position has a generated preview clip. */
export async function hasGeneratedPreview(slug: string, sortOrder: number): Promise<boolean> {
  'use cache';
  if (
    typeof slug !== 'string' ||
    !isSlug(slug) ||
    !Number.isInteger(sortOrder) ||
    sortOrder < 0 ||
    sortOrder > 100_000
  ) {
    return false;
  }
  cacheLife('catalog');
  cacheTag(productTag(slug));
  const db = await getDb();
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from tracks t join products p on p.id = t.product_id
      where p.slug = ${slug} and t.sort_order = ${sortOrder} and t.preview_url like '/previews/%' and p.status = 'active'`,
  );
  return rows.length > 0;
}
