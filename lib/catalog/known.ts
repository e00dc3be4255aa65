import 'server-only';
import { and, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { BROWSE_SECTIONS, isBrowseSection, PAGE_SIZE, type ProductKind } from './formats';
import { genres, people, products } from './schema';
import { isSlug } from './slug';
import { filtersFromSegments } from './validation';

/**
 * Whether a catalog URL names anything, asked by proxy.ts before the page renders. Product, person
 * and browse pages are cached by URL on their first render (Partial Prefetching), a 404 included,
 * so a page rendered for every made-up slug or genre would store one cache entry per URL, on disk
 * and in memory, without end. Unknown values are sent to one not-found page instead
 * (lib/http/routing.ts), which is never cached per URL.
 *
 * Known values come from a snapshot of the catalog's slugs, refreshed every few minutes; a value
 * missing from it is looked up in the database before it is called unknown, so a product saved a
 * second ago on another instance is found at once. A value removed since the snapshot still passes
 * until the next one: its page renders the 404 under its real URL, which is bounded by the catalog.
 */

const SNAPSHOT_MS = 5 * 60_000;

type Snapshot = {
  products: Set<string>;
  people: Set<string>;
  genres: Set<string>;
  activeByKind: Map<ProductKind, number>;
  takenAt: number;
};

let current: Snapshot | null = null;
let loading: Promise<Snapshot> | null = null;

async function loadSnapshot(): Promise<Snapshot> {
  const db = await getDb();
  const active = eq(products.status, 'active');
  const [productRows, personRows, genreRows, kindRows] = await Promise.all([
    db.select({ slug: products.slug }).from(products).where(active),
    db.select({ slug: people.slug }).from(people),
    db.select({ slug: genres.slug }).from(genres),
    db.select({ kind: products.kind, n: count() }).from(products).where(active).groupBy(products.kind),
  ]);
  return {
    products: new Set(productRows.map((r) => r.slug)),
    people: new Set(personRows.map((r) => r.slug)),
    genres: new Set(genreRows.map((r) => r.slug)),
    activeByKind: new Map(kindRows.map((r) => [r.kind, Number(r.n)])),
    takenAt: Date.now(),
  };
}

/** The snapshot; a stale one is used while the next one loads in the background. */
async function snapshot(): Promise<Snapshot> {
  if (current && Date.now() - current.takenAt < SNAPSHOT_MS) return current;
  if (!loading) {
    loading = loadSnapshot()
      .then((next) => (current = next))
      .finally(() => (loading = null));
    // With a previous snapshot nobody awaits the refresh: report its failure here.
    if (current) loading.catch((error) => console.error('[encore] Refreshing the known catalog slugs failed:', error));
  }
  return current ?? loading;
}

async function productExists(slug: string): Promise<boolean> {
  if (!isSlug(slug)) return false;
  if ((await snapshot()).products.has(slug)) return true;
  const db = await getDb();
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.slug, slug), eq(products.status, 'active')))
    .limit(1);
  return rows.length > 0;
}

async function personExists(slug: string): Promise<boolean> {
  if (!isSlug(slug)) return false;
  if ((await snapshot()).people.has(slug)) return true;
  const db = await getDb();
  const rows = await db.select({ id: people.id }).from(people).where(eq(people.slug, slug)).limit(1);
  return rows.length > 0;
}

async function genresExist(slugs: string[]): Promise<boolean> {
  const known = (await snapshot()).genres;
  const missing = slugs.filter((slug) => !known.has(slug));
  if (missing.length === 0) return true;
  const db = await getDb();
  const rows = await db.select({ slug: genres.slug }).from(genres).where(inArray(genres.slug, missing));
  return rows.length === missing.length;
}

/** Whether a browse page number is within the section's product count (no page is empty past page 1). */
async function pageExists(kind: ProductKind, page: number): Promise<boolean> {
  if (page <= 1) return true;
  const pagesOf = (total: number) => Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page <= pagesOf((await snapshot()).activeByKind.get(kind) ?? 0)) return true;
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(products)
    .where(and(eq(products.kind, kind), eq(products.status, 'active')));
  return page <= pagesOf(Number(row?.n ?? 0));
}

let lastFailureLog = 0;

/**
 * False when `pathname` (a public path without the locale, e.g. /products/some-slug or
 * /music/genre=jazz/page=3) is a catalog page that names nothing: an unknown or malformed product
 * or person slug, an unknown genre, a page number past the last page. True for everything else.
 * When the database cannot be asked, it answers true and lets the page decide, so that cached pages
 * are still served.
 */
export async function isKnownCatalogPath(pathname: string): Promise<boolean> {
  const [, first = '', ...rest] = pathname.split('/');
  const [single] = rest;
  try {
    if (first === 'products' && rest.length === 1 && single !== undefined) return await productExists(single);
    if (first === 'people' && rest.length === 1 && single !== undefined) return await personExists(single);
    if (isBrowseSection(first)) {
      const filters = filtersFromSegments(rest);
      return (
        (filters.genres.length === 0 || (await genresExist(filters.genres))) &&
        (await pageExists(BROWSE_SECTIONS[first], filters.page))
      );
    }
    return true;
  } catch (error) {
    if (Date.now() - lastFailureLog > 60_000) {
      lastFailureLog = Date.now();
      console.error('[encore] Could not check a catalog URL against the database; letting the page decide:', error);
    }
    return true;
  }
}
