import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, getDb, queryRows } from '@/db';
import { env } from '@/lib/env';
import { minorUnitsPerMajor } from '@/lib/money/format';
import { foldText } from '@/lib/catalog/search/normalize';
import { queryText } from '@/lib/validation/text';
import { type AdminUser, assertAdmin } from './admin-user';
import { type ExportEdition, type ExportProduct, formatMoment } from './csv-columns';
import { formatDuration } from './duration';
import type {
  AdminProductList,
  AdminProductRow,
  EditorCredit,
  EditorEdition,
  GenreOption,
  PersonOption,
  ProductEditorData,
} from './types';
import { ADMIN_PAGE_SIZE, type AdminProductFilters, formatMoneyInput } from './validation';

/**
 * Reads of the admin catalog. Never cached (admins must see their own writes), never limited to
 * active products. Every function takes the acting admin and refuses anyone else first.
 */

export const storeMinorPerMajor = () => minorUnitsPerMajor(env.STORE_CURRENCY);

/** `%`, `_` and `\` typed by an admin are literal characters, not wildcards. */
const contains = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

function listConditions(filters: Omit<AdminProductFilters, 'page'>): SQL {
  const parts: SQL[] = [sql`true`];
  if (filters.kind) parts.push(sql`p.kind = ${filters.kind}`);
  if (filters.status) parts.push(sql`p.status = ${filters.status}`);
  if (filters.format) {
    parts.push(sql`exists (select 1 from editions e where e.product_id = p.id and e.format = ${filters.format})`);
  }
  const q = filters.q.trim();
  if (q) {
    const folded = foldText(q);
    const code = q.replace(/\s+/g, '');
    parts.push(sql`(
      ${folded ? sql`p.search_title like ${contains(folded)} or` : sql``}
      p.title ilike ${contains(q)} or p.slug = ${q.toLowerCase()}
      or exists (select 1 from editions e where e.product_id = p.id
        and (upper(e.sku) like ${contains(code.toUpperCase())} or e.barcode = ${code})))`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * A page of products for /admin/products, newest change first, with editions summarised. `q` finds
 * titles (accent- and case-insensitive), SKUs (substring) and barcodes (exact).
 */
export async function listAdminProducts(admin: AdminUser, filters: AdminProductFilters): Promise<AdminProductList> {
  assertAdmin(admin);
  const db = await getDb();
  const where = listConditions(filters);
  const offset = (filters.page - 1) * ADMIN_PAGE_SIZE;
  const [items, [{ total } = { total: 0 }]] = await Promise.all([
    queryRows<AdminProductRow>(
      db,
      sql`select p.id, p.slug, p.title, p.original_title as "originalTitle", p.kind, p.status,
          coalesce(agg.edition_count, 0)::int as "editionCount", coalesce(agg.formats, '{}') as formats,
          agg.min_price as "minPriceMinor", agg.max_price as "maxPriceMinor", coalesce(agg.stock, 0)::int as stock,
          (select m.url from media m where m.product_id = p.id and m.kind = 'cover' order by m.sort_order limit 1)
            as "coverUrl",
          to_char(p.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "updatedAt"
        from products p
        left join lateral (
          select count(*) as edition_count, array_agg(distinct e.format::text) as formats,
            min(e.price_minor)::int as min_price, max(e.price_minor)::int as max_price,
            sum(e.stock) filter (where not e.digital) as stock
          from editions e where e.product_id = p.id) agg on true
        where ${where}
        order by p.updated_at desc, p.id desc
        limit ${ADMIN_PAGE_SIZE} offset ${offset}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from products p where ${where}`),
  ]);
  return { items, total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
}

/** "2025-01-31T18:00" in UTC, for a datetime-local input labelled UTC. */
function momentInput(value: string | null): string {
  return value ? formatMoment(value).slice(0, 16) : '';
}

type EditionRow = Omit<ExportEdition, 'availableFrom' | 'availableUntil'> & {
  id: number;
  availableFrom: string | null;
  availableUntil: string | null;
  locked: boolean;
};

const editionColumns = sql`e.id, e.sku, e.format, e.name, e.barcode, e.catalog_number as "catalogNumber",
  e.disc_count as "discCount", e.packaging, e.vinyl_weight_grams as "vinylWeightGrams",
  e.vinyl_speed_rpm as "vinylSpeedRpm", e.vinyl_colour as "vinylColour", e.region_code as "regionCode",
  e.audio_languages as "audioLanguages", e.subtitle_languages as "subtitleLanguages", e.platform,
  e.price_minor as "priceMinor", e.status, e.release_date::text as "releaseDate", e.rentable,
  e.rental_price_minor as "rentalPriceMinor", e.digital,
  to_char(e.available_from at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "availableFrom",
  to_char(e.available_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "availableUntil",
  e.territories, e.stock`;

/** Everything the product editor shows, as form text; null when there is no such product. */
export async function getProductForEditor(admin: AdminUser, id: number): Promise<ProductEditorData | null> {
  assertAdmin(admin);
  const db = await getDb();
  const [product] = await queryRows<{
    id: number;
    slug: string;
    kind: string;
    title: string;
    originalTitle: string | null;
    description: string;
    releaseDate: string | null;
    ageRating: string | null;
    label: string | null;
    status: string;
    version: string;
  }>(
    db,
    sql`select id, slug, kind, title, original_title as "originalTitle", description, release_date::text as "releaseDate",
        age_rating as "ageRating", label, status, updated_at::text as version
      from products where id = ${id}`,
  );
  if (!product) return null;
  const [genreRows, editionRows, tracks, credits, mediaRows] = await Promise.all([
    queryRows<{ genreId: number }>(
      db,
      sql`select genre_id as "genreId" from product_genres where product_id = ${id} order by genre_id`,
    ),
    queryRows<EditionRow>(
      db,
      sql`select ${editionColumns},
          (exists (select 1 from order_lines l where l.edition_id = e.id)
            or exists (select 1 from stock_movements m where m.edition_id = e.id)) as locked
        from editions e where e.product_id = ${id}
        order by array_position(enum_range(null::edition_format), e.format), e.id`,
    ),
    queryRows<{
      position: string;
      discNumber: number;
      title: string;
      durationSeconds: number | null;
      previewUrl: string | null;
    }>(
      db,
      sql`select position, disc_number as "discNumber", title, duration_seconds as "durationSeconds",
          preview_url as "previewUrl"
        from tracks where product_id = ${id} order by sort_order`,
    ),
    queryRows<EditorCredit>(
      db,
      sql`select c.person_id as "personId", c.role, coalesce(c.character, '') as character,
          pe.name as "personName", pe.slug as "personSlug"
        from credits c join people pe on pe.id = c.person_id
        where c.product_id = ${id} order by c.sort_order, c.id`,
    ),
    queryRows<{ kind: string; url: string; alt: string; width: number | null; height: number | null }>(
      db,
      sql`select kind, url, alt, width, height from media where product_id = ${id} order by kind, sort_order, id`,
    ),
  ]);
  const minorPerMajor = storeMinorPerMajor();
  const editions: EditorEdition[] = editionRows.map((e) => ({
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
    editions,
    tracks: tracks.map((t) => ({
      position: t.position,
      discNumber: String(t.discNumber),
      title: t.title,
      duration: formatDuration(t.durationSeconds),
      previewUrl: t.previewUrl ?? '',
    })),
    credits,
    media: mediaRows,
  };
}

/** All genres, for the editor's multi-select. */
export async function listGenreOptions(admin: AdminUser): Promise<GenreOption[]> {
  assertAdmin(admin);
  const db = await getDb();
  return queryRows<GenreOption>(db, sql`select id, slug, name, name_zh as "nameZh" from genres order by name`);
}

/** People whose name (or name in its own script) contains `q`, for the credit picker; at most 20. */
export async function searchPeople(admin: AdminUser, q: string, limit = 20): Promise<PersonOption[]> {
  assertAdmin(admin);
  const query = queryText(q, 100);
  if (!query) return [];
  const db = await getDb();
  return queryRows<PersonOption>(
    db,
    sql`select id, slug, name, original_name as "originalName" from people
      where name ilike ${contains(query)} or original_name ilike ${contains(query)} or slug = ${query.toLowerCase()}
      order by (lower(name) = ${query.toLowerCase()}) desc, (name ilike ${`${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}) desc, name
      limit ${Math.min(50, Math.max(1, limit))}`,
  );
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
    const products = await queryRows<ExportProduct & { id: number }>(
      db,
      sql`select p.id, p.slug, p.kind, p.title, p.original_title as "originalTitle", p.description,
          p.release_date::text as "releaseDate", p.label, p.age_rating as "ageRating", p.status,
          coalesce((select array_agg(g.slug order by g.slug) from product_genres pg join genres g on g.id = pg.genre_id
            where pg.product_id = p.id), '{}') as genres
        from products p where ${where} and p.id > ${afterId} order by p.id limit ${batchSize}`,
    );
    if (products.length === 0) return;
    const ids = products.map((p) => p.id);
    const editions = await queryRows<ExportEdition & { productId: number }>(
      db,
      sql`select e.product_id as "productId", ${editionColumns} from editions e
        where e.product_id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})
        order by e.product_id, array_position(enum_range(null::edition_format), e.format), e.id`,
    );
    const byProduct = new Map<number, ExportEdition[]>();
    for (const { productId, ...edition } of editions) {
      const list = byProduct.get(productId) ?? [];
      list.push(edition);
      byProduct.set(productId, list);
    }
    const rows: ExportRow[] = [];
    for (const { id, ...product } of products) {
      for (const edition of byProduct.get(id) ?? []) rows.push({ product, edition });
    }
    yield rows;
    afterId = ids.at(-1) ?? afterId;
    if (products.length < batchSize) return;
  }
}
