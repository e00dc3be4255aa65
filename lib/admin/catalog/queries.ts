import 'server-only';
import { pick, type Executor, getDb } from '@/db';
import { and, asc, desc, eq, gt, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import { env } from '@/lib/env';
import { minorUnitsPerMajor } from '@/lib/money/format';
import { credits, editions, genres, media, people, productGenres, products, tracks } from '@/lib/catalog/schema';
import { foldText } from '@/lib/catalog/search/normalize';
import { queryText } from '@/lib/validation/text';

import { containsPattern as contains } from '@/lib/admin/paging';
import { type AdminUser, assertAdmin } from './admin-user';
import { formatMoment } from './csv-cells';
import { formatDuration } from './duration';
import {
  type ExportEdition,
  exportEditionFields,
  type ExportProduct,
  exportProductColumns,
  exportProductFields,
} from './export-fields';
import type { AdminProductList, EditorEdition, GenreOption, PersonOption, ProductEditorData } from './types';
import { formatMoneyInput } from './field-parsers';
import { ADMIN_PAGE_SIZE, type AdminProductFilters } from './validation';

/**
 * Reads of the admin catalog. Never cached (admins must see their own writes), never limited to
 * active products. Every function takes the acting admin and refuses anyone else first. Subqueries
 * name "products" and "editions" themselves: a single-table select leaves its columns unqualified.
 */

export const storeMinorPerMajor = () => minorUnitsPerMajor(env.STORE_CURRENCY);

function listConditions(filters: Omit<AdminProductFilters, 'page'>): SQL | undefined {
  const q = filters.q.trim();
  const folded = q ? foldText(q) : '';
  const code = q.replace(/\s+/g, '');
  return and(
    filters.kind ? eq(products.kind, filters.kind) : undefined,
    filters.status ? eq(products.status, filters.status) : undefined,
    filters.format
      ? sql`exists (select 1 from editions e where e.product_id = "products"."id" and e.format = ${filters.format})`
      : undefined,
    q
      ? or(
          folded ? sql`${products.searchTitle} like ${contains(folded)}` : undefined,
          ilike(products.title, contains(q)),
          eq(products.slug, q.toLowerCase()),
          sql`exists (select 1 from editions e where e.product_id = "products"."id"
            and (upper(e.sku) like ${contains(code.toUpperCase())} or e.barcode = ${code}))`,
        )
      : undefined,
  );
}

/**
 * A page of products for /admin/products, newest change first, with editions summarised. `q` finds
 * titles (accent- and case-insensitive), SKUs (substring) and barcodes (exact).
 */
export async function listAdminProducts(admin: AdminUser, filters: AdminProductFilters): Promise<AdminProductList> {
  assertAdmin(admin);
  const db = await getDb();
  const where = listConditions(filters);
  const agg = db
    .select({
      editionCount: sql<number>`count(*)`.as('edition_count'),
      formats: sql<string[] | null>`array_agg(distinct ${editions.format}::text)`.as('formats'),
      minPrice: sql<number | null>`min(${editions.priceMinor})`.as('min_price'),
      maxPrice: sql<number | null>`max(${editions.priceMinor})`.as('max_price'),
      stock: sql<number | null>`sum(${editions.stock}) filter (where not ${editions.digital})`.as('stock'),
    })
    .from(editions)
    .where(sql`"editions"."product_id" = "products"."id"`)
    .as('agg');
  const [rows, total] = await Promise.all([
    db
      .select({
        id: products.id,
        slug: products.slug,
        title: products.title,
        originalTitle: products.originalTitle,
        kind: products.kind,
        status: products.status,
        editionCount: sql<number>`coalesce(${agg.editionCount}, 0)::int`.mapWith(Number),
        formats: sql<string[]>`coalesce(${agg.formats}, '{}')`,
        minPriceMinor: sql<number | null>`${agg.minPrice}::int`,
        maxPriceMinor: sql<number | null>`${agg.maxPrice}::int`,
        stock: sql<number>`coalesce(${agg.stock}, 0)::int`.mapWith(Number),
        coverUrl: sql<
          string | null
        >`(select m.url from media m where m.product_id = "products"."id" and m.kind = 'cover'
          order by m.sort_order limit 1)`,
        updatedAt: products.updatedAt,
      })
      .from(products)
      .leftJoinLateral(agg, sql`true`)
      .where(where)
      .orderBy(desc(products.updatedAt), desc(products.id))
      .limit(ADMIN_PAGE_SIZE)
      .offset((filters.page - 1) * ADMIN_PAGE_SIZE),
    db.$count(products, where),
  ]);
  const items = rows.map((row) => ({ ...row, updatedAt: formatMoment(row.updatedAt) }));
  return { items, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

/** "2025-01-31T18:00" in UTC, for a datetime-local input labelled UTC. */
function momentInput(value: Date | null): string {
  return value ? formatMoment(value).slice(0, 16) : '';
}

/**
 * A product's genres, editions (each locked once sold or stocked), tracks, credits and media, in the
 * editor's order, read side by side.
 */
function readEditorParts(db: Executor, id: number) {
  return Promise.all([
    db
      .select({ genreId: productGenres.genreId })
      .from(productGenres)
      .where(eq(productGenres.productId, id))
      .orderBy(asc(productGenres.genreId)),
    db
      .select({
        id: editions.id,
        ...exportEditionFields,
        locked: sql<boolean>`(exists (select 1 from order_lines l where l.edition_id = "editions"."id")
          or exists (select 1 from stock_movements m where m.edition_id = "editions"."id"))`,
      })
      .from(editions)
      .where(eq(editions.productId, id))
      // An enum sorts in its declared order: the formats as the catalog lists them.
      .orderBy(asc(editions.format), asc(editions.id)),
    db
      .select(pick(tracks, 'position discNumber title durationSeconds previewUrl'))
      .from(tracks)
      .where(eq(tracks.productId, id))
      .orderBy(asc(tracks.sortOrder)),
    db
      .select({
        ...pick(credits, 'personId role'),
        character: sql<string>`coalesce(${credits.character}, '')`,
        personName: people.name,
        personSlug: people.slug,
      })
      .from(credits)
      .innerJoin(people, eq(people.id, credits.personId))
      .where(eq(credits.productId, id))
      .orderBy(asc(credits.sortOrder), asc(credits.id)),
    db
      .select(pick(media, 'kind url alt width height'))
      .from(media)
      .where(eq(media.productId, id))
      .orderBy(asc(media.kind), asc(media.sortOrder), asc(media.id)),
  ]);
}

/** Everything the product editor shows, as form text; null when there is no such product. */
export async function getProductForEditor(admin: AdminUser, id: number): Promise<ProductEditorData | null> {
  assertAdmin(admin);
  const db = await getDb();
  const [product] = await db
    .select({
      id: products.id,
      ...exportProductColumns(),
      // The optimistic lock: the exact stored value, microseconds included.
      version: sql<string>`${products.updatedAt}::text`,
    })
    .from(products)
    .where(eq(products.id, id));
  if (!product) return null;
  const [genreRows, editionRows, trackRows, creditRows, mediaRows] = await readEditorParts(db, id);
  const minorPerMajor = storeMinorPerMajor();
  const editionDrafts: EditorEdition[] = editionRows.map((e) => ({
    id: e.id,
    sku: e.sku,
    format: e.format,
    name: e.name ?? '',
    barcode: e.barcode ?? '',
    catalogNumber: e.catalogNumber ?? '',
    discCount: e.discCount?.toString() ?? '',
    packaging: e.packaging ?? '',
    vinylWeightGrams: e.vinylWeightGrams?.toString() ?? '',
    vinylSpeedRpm: e.vinylSpeedRpm?.toString() ?? '',
    vinylColour: e.vinylColour ?? '',
    regionCode: e.regionCode ?? '',
    audioLanguages: e.audioLanguages.join(', '),
    subtitleLanguages: e.subtitleLanguages.join(', '),
    platform: e.platform ?? '',
    price: formatMoneyInput(e.priceMinor, minorPerMajor),
    status: e.status,
    releaseDate: e.releaseDate ?? '',
    rentable: e.rentable,
    rentalPrice: formatMoneyInput(e.rentalPriceMinor, minorPerMajor),
    digital: e.digital,
    availableFrom: momentInput(e.availableFrom),
    availableUntil: momentInput(e.availableUntil),
    territories: e.territories.join(', '),
    initialStock: '',
    stock: e.stock,
    locked: e.locked,
  }));
  return {
    id: product.id,
    version: product.version,
    slug: product.slug,
    kind: product.kind,
    title: product.title,
    originalTitle: product.originalTitle ?? '',
    description: product.description,
    releaseDate: product.releaseDate ?? '',
    ageRating: product.ageRating ?? '',
    label: product.label ?? '',
    status: product.status,
    genreIds: genreRows.map((g) => g.genreId),
    editions: editionDrafts,
    tracks: trackRows.map((t) => ({
      position: t.position,
      discNumber: String(t.discNumber),
      title: t.title,
      duration: formatDuration(t.durationSeconds),
      previewUrl: t.previewUrl ?? '',
    })),
    credits: creditRows,
    media: mediaRows,
  };
}

/** All genres, for the editor's multi-select. */
export async function listGenreOptions(admin: AdminUser): Promise<GenreOption[]> {
  assertAdmin(admin);
  const db = await getDb();
  return db
    .select({ id: genres.id, slug: genres.slug, name: genres.name, nameZh: genres.nameZh })
    .from(genres)
    .orderBy(asc(genres.name));
}

/** People whose name (or name in its own script) contains `q`, for the credit picker; at most 20. */
export async function searchPeople(admin: AdminUser, q: string, limit = 20): Promise<PersonOption[]> {
  assertAdmin(admin);
  const query = queryText(q, 100);
  if (!query) return [];
  const db = await getDb();
  const lower = query.toLowerCase();
  const prefix = `${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .select({ id: people.id, slug: people.slug, name: people.name, originalName: people.originalName })
    .from(people)
    .where(or(ilike(people.name, contains(query)), ilike(people.originalName, contains(query)), eq(people.slug, lower)))
    .orderBy(desc(sql`lower(${people.name}) = ${lower}`), desc(sql`${people.name} ilike ${prefix}`), asc(people.name))
    .limit(Math.min(50, Math.max(1, limit)));
}

export type ExportRow = { product: ExportProduct; edition: ExportEdition };

/**
 * Products × editions for the CSV export, in batches of `batchSize` products (keyset pagination on
 * the id), with the admin list's filters. Products without editions are left out (a row is an
 * edition).
 */
export async function* exportCatalogRows(
  admin: AdminUser,
  filters: Omit<AdminProductFilters, 'page'>,
  { batchSize = 500, executor }: { batchSize?: number; executor?: Executor } = {},
): AsyncGenerator<ExportRow[]> {
  assertAdmin(admin);
  const db = executor ?? (await getDb());
  const where = listConditions(filters);
  let afterId = 0;
  for (;;) {
    const batch = await db
      .select({ id: products.id, ...exportProductFields })
      .from(products)
      .where(and(where, gt(products.id, afterId)))
      .orderBy(asc(products.id))
      .limit(batchSize);
    if (batch.length === 0) return;
    const ids = batch.map((p) => p.id);
    const editionRows = await db
      .select({ productId: editions.productId, ...exportEditionFields })
      .from(editions)
      .where(inArray(editions.productId, ids))
      .orderBy(asc(editions.productId), asc(editions.format), asc(editions.id));
    const byProduct = new Map<number, ExportEdition[]>();
    for (const { productId, ...edition } of editionRows) {
      const list = byProduct.get(productId) ?? [];
      list.push(edition);
      byProduct.set(productId, list);
    }
    const rows: ExportRow[] = [];
    for (const { id, ...product } of batch) {
      for (const edition of byProduct.get(id) ?? []) rows.push({ product, edition });
    }
    yield rows;
    afterId = ids.at(-1) ?? afterId;
    if (batch.length < batchSize) return;
  }
}
