import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { and, eq, inArray, like, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { suggestCorrection } from '@/lib/catalog/search/queries';
import { must } from '@/lib/must';
import { bestSellerIds, listCards } from './cards-sql';
import { listingCounts } from './facets-sql';
import { PRODUCT_KINDS, type ProductKind } from './formats';
import { runListing } from './listing-page-sql';
import { type TextQuery, textQuery } from './listing-sql';
import { credits, people, products, tracks } from './schema';
import { isSlug } from './slug';
import { CATALOG_TAG, productTag } from './tags';
import type { HomeRails, ProductList } from './types';
import { type BrowseFilters, checkedFilters } from './validation';

/**
 * Public catalog reads. Everything here is cached with `'use cache'` and tagged: CATALOG_TAG for
 * anything a catalog change can affect, plus per-product and per-person tags. Writers invalidate
 * those tags (lib/catalog/tags.ts). Only active products and sellable editions are ever returned.
 * The product and person pages are in detail-queries.ts; the raw SQL of listings, facets and cards
 * in the *-sql.ts files beside this one.
 */

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
    ...PRODUCT_KINDS.map((kind) =>
      listCards(sql`${released} and p.kind = ${kind}`, sql`p.release_date desc, p.id desc`, 12),
    ),
  ]);
  return {
    newReleases,
    comingSoon,
    bestSellers,
    byKind: PRODUCT_KINDS.map((kind, i) => ({ kind, items: must(byKind[i], `${kind} rail`) })),
  };
}

/** Slugs to prerender at build time: the newest products of each kind (the rest render on demand). */
export async function listPrerenderedProductSlugs(perKind = 6): Promise<string[]> {
  const db = await getDb();
  const ranked = db
    .select({
      slug: products.slug,
      n: sql<number>`row_number() over (partition by ${products.kind}
        order by ${products.releaseDate} desc nulls last, ${products.id})`.as('n'),
    })
    .from(products)
    .where(eq(products.status, 'active'))
    .as('ranked');
  const rows = await db.select({ slug: ranked.slug }).from(ranked).where(lte(ranked.n, perKind));
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
  const [productRows, personRows] = await Promise.all([
    db
      .select({ slug: products.slug, updatedAt: sql<string>`${products.updatedAt}::text` })
      .from(products)
      .where(eq(products.status, 'active'))
      .orderBy(products.id)
      .limit(45000),
    db
      .selectDistinct({ slug: people.slug })
      .from(people)
      .innerJoin(credits, eq(credits.personId, people.id))
      .innerJoin(products, eq(products.id, credits.productId))
      .where(eq(products.status, 'active'))
      .limit(4000),
  ]);
  return { products: productRows, people: personRows.map((p) => p.slug) };
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
  // A subquery builder, not columns in a sql template: in a one-table select Drizzle prints the
  // columns of a field's template without their table, which would bind them inside the subquery.
  const leadName = db
    .select({ name: people.name })
    .from(credits)
    .innerJoin(people, eq(people.id, credits.personId))
    .where(
      and(eq(credits.productId, products.id), inArray(credits.role, ['artist', 'director', 'writer', 'developer'])),
    )
    .orderBy(credits.sortOrder)
    .limit(1);
  const [row] = await db
    .select({
      title: products.title,
      kind: products.kind,
      active: sql<boolean>`${products.status} = 'active'`,
      subtitle: sql<string | null>`${leadName}`,
    })
    .from(products)
    .where(eq(products.slug, slug));
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
  const rows = await db
    .select({ id: tracks.id })
    .from(tracks)
    .innerJoin(products, eq(products.id, tracks.productId))
    .where(
      and(
        eq(products.slug, slug),
        eq(tracks.sortOrder, sortOrder),
        like(tracks.previewUrl, '/previews/%'),
        eq(products.status, 'active'),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
