import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, getDb, queryRows, type Transaction } from '@/db';
import { recordAudit } from '@/lib/admin/audit';
import { env } from '@/lib/env';
import { FORMATS_BY_KIND, type ProductKind } from '@/lib/catalog/formats';
import { products } from '@/lib/catalog/schema';
import { refreshSearchIndex } from '@/lib/search/mutations';
import { type AdminUser, assertAdmin } from './admin-user';
import {
  type CsvColumn,
  EDITION_COLUMNS,
  EDITION_FIELD_COLUMNS,
  type EditionColumn,
  editionCells,
  type ExportEdition,
  type ExportProduct,
  groupBySlug,
  parseBoolean,
  PRODUCT_COLUMNS,
  PRODUCT_FIELD_COLUMNS,
  type ProductColumn,
  productCells,
  readHeader,
  readRow,
} from './csv-columns';
import { catalogTags } from './invalidate';
import { insertEditions, productSnapshots, updateEdition, violatedConstraint } from './mutations';
import { storeMinorPerMajor } from './queries';
import type { ImportIssue, ImportReport, ImportRowResult } from './types';
import {
  type EditionDraft,
  type EditionInput,
  editionSchema,
  LIMITS,
  productFieldsShape,
  splitList,
} from './validation';

/**
 * CSV import of products and editions (the export's format, lib/admin/catalog/csv-columns.ts).
 *
 * The browser parses the file and sends its rows as JSON: first all of them for a dry run
 * (`previewImport`, read only: what would be created or updated, and every error by line and
 * column), then, after the admin confirms, in batches of whole products (`applyImport`), which
 * re-check their rows against the database and save them. Each batch is one request and one
 * transaction, so the browser can show progress, nothing needs to be remembered between requests
 * (any app instance can serve any batch), and no transaction holds the database for long.
 *
 * Rows match products by slug and editions by SKU (update), otherwise they create. A product is
 * saved all or nothing: when any of its rows has an error, none of its rows is saved, while the
 * other products of the file are. Columns a file leaves out keep their current values; editions
 * not in the file are left alone (an import never deletes). Stock is never changed for an existing
 * edition (that is the stock ledger's job): a `stock` value becomes the starting stock of a new one.
 */

export const IMPORT_LIMITS = { previewRows: 50_000, batchRows: 2_000, columns: 100, cellLength: 20_000 } as const;

export const importRequestSchema = z.object({
  header: z.array(z.string().max(200)).min(1).max(IMPORT_LIMITS.columns),
  rows: z
    .array(
      z.object({
        line: z.number().int().min(2).max(100_000_000),
        cells: z.array(z.string().max(IMPORT_LIMITS.cellLength)).max(IMPORT_LIMITS.columns),
      }),
    )
    .max(IMPORT_LIMITS.previewRows),
});
export type ImportRequest = z.infer<typeof importRequestSchema>;

type Action = 'create' | 'update' | 'unchanged';
type ProductFields = {
  slug: string;
  kind: ProductKind;
  title: string;
  originalTitle: string | null;
  description: string;
  releaseDate: string | null;
  ageRating: string | null;
  label: string | null;
  status: 'draft' | 'active' | 'archived';
};

type ExistingProduct = ExportProduct & { id: number };
type ExistingEdition = ExportEdition & { id: number; productId: number; productSlug: string };

type RowPlan = {
  line: number;
  slug: string;
  sku: string;
  edition: { action: Action; input: EditionInput; existingId: number | null } | null;
};

type GroupPlan = {
  slug: string;
  valid: boolean;
  existingId: number | null;
  product: { action: Action; fields: ProductFields } | null;
  /** null: the file has no genres column, so the product keeps its genres. */
  genreIds: number[] | null;
  genresChanged: boolean;
  rows: RowPlan[];
};

type Plan = { groups: GroupPlan[]; errors: ImportIssue[]; warnings: ImportIssue[]; rowCount: number };

const productObject = z.object(productFieldsShape);

const chunks = <T>(list: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const inList = (values: readonly (string | number)[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

async function loadExisting(executor: Executor, slugs: string[], skus: string[], barcodes: string[]) {
  const productsBySlug = new Map<string, ExistingProduct>();
  for (const part of chunks(slugs, 1000)) {
    const rows = await queryRows<ExistingProduct>(
      executor,
      sql`select p.id, p.slug, p.kind, p.title, p.original_title as "originalTitle", p.description,
          p.release_date::text as "releaseDate", p.label, p.age_rating as "ageRating", p.status,
          coalesce((select array_agg(g.slug order by g.slug) from product_genres pg join genres g on g.id = pg.genre_id
            where pg.product_id = p.id), '{}') as genres
        from products p where p.slug in (${inList(part)})`,
    );
    for (const row of rows) productsBySlug.set(row.slug, row);
  }
  const editionsBySku = new Map<string, ExistingEdition>();
  for (const part of chunks(skus, 1000)) {
    const rows = await queryRows<ExistingEdition>(
      executor,
      sql`select e.product_id as "productId", p.slug as "productSlug", e.id, e.sku, e.format, e.name, e.barcode,
          e.catalog_number as "catalogNumber", e.disc_count as "discCount", e.packaging,
          e.vinyl_weight_grams as "vinylWeightGrams", e.vinyl_speed_rpm as "vinylSpeedRpm",
          e.vinyl_colour as "vinylColour", e.region_code as "regionCode", e.audio_languages as "audioLanguages",
          e.subtitle_languages as "subtitleLanguages", e.platform, e.price_minor as "priceMinor", e.status,
          e.release_date::text as "releaseDate", e.rentable, e.rental_price_minor as "rentalPriceMinor", e.digital,
          e.available_from as "availableFrom", e.available_until as "availableUntil", e.territories, e.stock
        from editions e join products p on p.id = e.product_id where e.sku in (${inList(part)})`,
    );
    for (const row of rows) editionsBySku.set(row.sku, row);
  }
  const barcodeOwners = new Map<string, string>();
  for (const part of chunks(barcodes, 1000)) {
    const rows = await queryRows<{ sku: string; barcode: string }>(
      executor,
      sql`select sku, barcode from editions where barcode in (${inList(part)})`,
    );
    for (const row of rows) barcodeOwners.set(row.barcode, row.sku);
  }
  const genres = new Map(
    (await queryRows<{ id: number; slug: string }>(executor, sql`select id, slug from genres`)).map((g) => [
      g.slug,
      g.id,
    ]),
  );
  return { productsBySlug, editionsBySku, barcodeOwners, genres };
}

const EMPTY_PRODUCT = Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c, ''])) as Record<ProductColumn, string>;
const EMPTY_EDITION = Object.fromEntries(EDITION_COLUMNS.map((c) => [c, ''])) as Record<EditionColumn, string>;
const PRODUCT_COLUMN_OF = PRODUCT_FIELD_COLUMNS as Record<string, CsvColumn>;
const EDITION_COLUMN_OF = EDITION_FIELD_COLUMNS as Record<string, CsvColumn>;

function draftOf(cells: Record<EditionColumn, string>, id: number | null, initialStock: string): EditionDraft {
  return {
    id,
    sku: cells.sku,
    format: cells.format,
    name: cells.edition_name,
    barcode: cells.barcode,
    catalogNumber: cells.catalog_number,
    discCount: cells.disc_count,
    packaging: cells.packaging,
    vinylWeightGrams: cells.vinyl_weight_grams,
    vinylSpeedRpm: cells.vinyl_speed_rpm,
    vinylColour: cells.vinyl_colour,
    regionCode: cells.region_code,
    audioLanguages: cells.audio_languages,
    subtitleLanguages: cells.subtitle_languages,
    platform: cells.platform,
    price: cells.price,
    status: cells.edition_status,
    releaseDate: cells.edition_release_date,
    rentable: parseBoolean(cells.rentable) ?? false,
    rentalPrice: cells.rental_price,
    digital: parseBoolean(cells.digital) ?? false,
    availableFrom: cells.available_from,
    availableUntil: cells.available_until,
    territories: cells.territories,
    initialStock,
  };
}

/** Comparable form of a validated edition (what an update would write). */
const editionKey = ({ id: _id, initialStock: _stock, ...rest }: EditionInput) =>
  JSON.stringify({
    ...rest,
    availableFrom: rest.availableFrom?.getTime(),
    availableUntil: rest.availableUntil?.getTime(),
  });

/** Works out what every row would do, without writing anything. */
async function planImport(executor: Executor, request: ImportRequest): Promise<Plan> {
  const currency = env.STORE_CURRENCY;
  const minorPerMajor = storeMinorPerMajor();
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const header = readHeader(request.header);
  for (const name of header.unknown) warnings.push({ line: 1, column: name, message: 'columnUnknown' });
  for (const name of header.duplicate) errors.push({ line: 1, column: name, message: 'columnDuplicate' });
  for (const name of header.missing) errors.push({ line: 1, column: name, message: 'columnMissing' });
  const records = request.rows.map((row) => {
    const cells = readRow(header, row.cells);
    return { line: row.line, cells, slug: (cells.slug ?? '').trim().toLowerCase(), width: row.cells.length };
  });
  if (errors.length) {
    const groups = groupBySlug(records).map((group) => ({
      slug: group[0].slug,
      valid: false,
      existingId: null,
      product: null,
      genreIds: null,
      genresChanged: false,
      rows: group.map((r) => ({ line: r.line, slug: r.slug, sku: r.cells.sku ?? '', edition: null })),
    }));
    return { groups, errors, warnings, rowCount: records.length };
  }
  const has = (column: CsvColumn) => header.index[column] !== undefined;
  const skuOf = (cells: Partial<Record<CsvColumn, string>>) => (cells.sku ?? '').trim().toUpperCase();
  const barcodeOf = (cells: Partial<Record<CsvColumn, string>>) => (cells.barcode ?? '').trim().replace(/[\s-]/g, '');

  const { productsBySlug, editionsBySku, barcodeOwners, genres } = await loadExisting(
    executor,
    Array.from(new Set(records.map((r) => r.slug).filter(Boolean))),
    Array.from(new Set(records.map((r) => skuOf(r.cells)).filter(Boolean))),
    Array.from(new Set(records.map((r) => barcodeOf(r.cells)).filter((b) => /^\d{8,14}$/.test(b)))),
  );

  // Problems that need the whole file: a SKU or barcode twice.
  const rowErrors = new Map<number, ImportIssue[]>();
  const addError = (line: number, column: CsvColumn | null, message: string, params?: Record<string, string>) => {
    const issue: ImportIssue = { line, column, message, ...(params ? { params } : {}) };
    rowErrors.set(line, [...(rowErrors.get(line) ?? []), issue]);
  };
  const firstSku = new Map<string, number>();
  const firstBarcode = new Map<string, string>();
  for (const record of records) {
    if (record.width !== request.header.length) addError(record.line, null, 'cellCount');
    const sku = skuOf(record.cells);
    if (sku) {
      const first = firstSku.get(sku);
      if (first !== undefined) addError(record.line, 'sku', 'skuDuplicate', { line: String(first) });
      else firstSku.set(sku, record.line);
    }
    const barcode = barcodeOf(record.cells);
    if (barcode) {
      const owner = firstBarcode.get(barcode);
      if (owner !== undefined && owner !== sku) addError(record.line, 'barcode', 'barcodeDuplicate');
      else firstBarcode.set(barcode, sku);
    }
  }

  const groups: GroupPlan[] = [];
  for (const group of groupBySlug(records)) {
    const first = group[0];
    const existing = productsBySlug.get(first.slug) ?? null;
    // The product's columns must say the same thing on every row of the product.
    for (const record of group.slice(1)) {
      for (const column of PRODUCT_COLUMNS) {
        if (has(column) && (record.cells[column] ?? '').trim() !== (first.cells[column] ?? '').trim()) {
          addError(record.line, column, 'productMismatch', { line: String(first.line) });
        }
      }
    }
    if (group.length > LIMITS.editions) addError(first.line, 'sku', 'tooManyEditions');
    const base = existing ? productCells(existing) : EMPTY_PRODUCT;
    const values = { ...base };
    for (const column of PRODUCT_COLUMNS) if (has(column)) values[column] = first.cells[column] ?? '';
    if (!existing && !values.status.trim()) values.status = 'draft';
    const parsed = productObject.safeParse({
      slug: values.slug,
      kind: values.kind,
      title: values.title,
      originalTitle: values.original_title,
      description: values.description,
      releaseDate: values.release_date,
      ageRating: values.age_rating,
      label: values.label,
      status: values.status,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = PRODUCT_COLUMN_OF[String(issue.path[0])] ?? null;
        addError(first.line, column, /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid');
      }
    }
    const fields = parsed.success ? (parsed.data as ProductFields) : null;
    let productAction: Action = 'create';
    if (existing && fields) {
      const before = productObject.safeParse({
        slug: base.slug,
        kind: base.kind,
        title: base.title,
        originalTitle: base.original_title,
        description: base.description,
        releaseDate: base.release_date,
        ageRating: base.age_rating,
        label: base.label,
        status: base.status,
      });
      productAction = before.success && JSON.stringify(before.data) === JSON.stringify(fields) ? 'unchanged' : 'update';
    }
    let genreIds: number[] | null = null;
    let genresChanged = false;
    if (has('genres')) {
      const slugs = Array.from(new Set(splitList(values.genres).map((s) => s.toLowerCase())));
      const unknown = slugs.filter((s) => !genres.has(s));
      if (unknown.length) addError(first.line, 'genres', 'genreUnknown', { genres: unknown.join(', ') });
      if (slugs.length > 20) addError(first.line, 'genres', 'tooMany');
      genreIds = slugs.flatMap((s) => (genres.has(s) ? [genres.get(s)!] : [])).sort((a, b) => a - b);
      genresChanged = !existing || [...existing.genres].sort().join(';') !== slugs.slice().sort().join(';');
    }
    if (productAction === 'unchanged' && genresChanged) productAction = 'update';

    const rows: RowPlan[] = group.map((record) => {
      const sku = (record.cells.sku ?? '').trim();
      const found = editionsBySku.get(sku.toUpperCase());
      if (found && (!existing || found.productId !== existing.id)) {
        addError(record.line, 'sku', 'skuTaken', { slug: found.productSlug });
      }
      const own = found && existing && found.productId === existing.id ? found : null;
      const baseCells = own ? editionCells(own, currency, minorPerMajor) : EMPTY_EDITION;
      const cells = { ...baseCells };
      for (const column of EDITION_COLUMNS) if (has(column)) cells[column] = record.cells[column] ?? '';
      if (!own && !cells.edition_status.trim()) cells.edition_status = 'draft';
      if (has('currency') && cells.currency.trim() && cells.currency.trim().toUpperCase() !== currency) {
        addError(record.line, 'currency', 'currencyMismatch', { currency });
      }
      for (const column of ['rentable', 'digital'] as const) {
        if (parseBoolean(cells[column]) === undefined) addError(record.line, column, 'booleanInvalid');
      }
      let initialStock = '';
      if (own) {
        const stock = cells.stock.trim();
        if (has('stock') && stock !== '' && stock !== String(own.stock)) {
          warnings.push({ line: record.line, column: 'stock', message: 'stockIgnored' });
        }
      } else {
        initialStock = cells.stock;
      }
      const parsedEdition = editionSchema(minorPerMajor).safeParse(draftOf(cells, own?.id ?? null, initialStock));
      if (!parsedEdition.success) {
        for (const issue of parsedEdition.error.issues) {
          const column = EDITION_COLUMN_OF[String(issue.path[0])] ?? null;
          addError(record.line, column, /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid');
        }
        return { line: record.line, slug: record.slug, sku, edition: null };
      }
      const input = parsedEdition.data;
      if (fields && !FORMATS_BY_KIND[fields.kind].includes(input.format)) {
        addError(record.line, 'format', 'formatWrongKind');
      }
      if (input.barcode) {
        const owner = barcodeOwners.get(input.barcode);
        if (owner !== undefined && owner !== input.sku) addError(record.line, 'barcode', 'barcodeTaken');
      }
      let action: Action = 'create';
      if (own) {
        const before = editionSchema(minorPerMajor).safeParse(draftOf(baseCells, own.id, ''));
        action = before.success && editionKey(before.data) === editionKey(input) ? 'unchanged' : 'update';
      }
      return {
        line: record.line,
        slug: record.slug,
        sku: input.sku,
        edition: { action, input, existingId: own?.id ?? null },
      };
    });
    const valid = fields !== null && group.every((record) => !rowErrors.has(record.line));
    groups.push({
      slug: first.slug,
      valid,
      existingId: existing?.id ?? null,
      product: fields ? { action: productAction, fields } : null,
      genreIds,
      genresChanged,
      rows,
    });
  }
  for (const list of rowErrors.values()) errors.push(...list);
  errors.sort((a, b) => a.line - b.line);
  warnings.sort((a, b) => a.line - b.line);
  return { groups, errors, warnings, rowCount: records.length };
}

function reportOf(plan: Plan): ImportReport {
  const counts: ImportReport['counts'] = {
    rows: plan.rowCount,
    products: { create: 0, update: 0, unchanged: 0, skip: 0 },
    editions: { create: 0, update: 0, unchanged: 0, skip: 0 },
  };
  const rows: ImportRowResult[] = [];
  for (const group of plan.groups) {
    const productAction = group.valid && group.product ? group.product.action : 'skip';
    const editionsChange = group.rows.some((row) => row.edition && row.edition.action !== 'unchanged');
    // A product whose editions change is touched even when its own columns are the same.
    counts.products[productAction === 'unchanged' && editionsChange && group.valid ? 'update' : productAction] += 1;
    for (const row of group.rows) {
      const editionAction = group.valid && row.edition ? row.edition.action : 'skip';
      counts.editions[editionAction] += 1;
      rows.push({ line: row.line, slug: row.slug, sku: row.sku, product: productAction, edition: editionAction });
    }
  }
  rows.sort((a, b) => a.line - b.line);
  return { rows, errors: plan.errors, warnings: plan.warnings, counts };
}

/** The dry run: what importing these rows would do, and every problem, by line and column. Writes nothing. */
export async function previewImport(admin: AdminUser, request: ImportRequest): Promise<ImportReport> {
  assertAdmin(admin);
  const db = await getDb();
  return reportOf(await planImport(db, request));
}

/**
 * Saves products' rows in the caller's transaction, with as few statements as possible (one insert
 * for all new products, one for all new editions…: an embedded database pays per statement), and a
 * `product.import` audit row per product. Returns the products' ids.
 */
async function applyGroups(tx: Transaction, admin: AdminUser, groups: GroupPlan[]): Promise<number[]> {
  const existingIds = groups.flatMap((g) => (g.existingId === null ? [] : [g.existingId]));
  if (existingIds.length) {
    // Lock them, so two imports of the same product queue rather than interleave.
    await tx.execute(sql`select id from products where id in (${inList(existingIds)}) order by id for update`);
  }
  const before = await productSnapshots(tx, existingIds);
  const idOf = new Map<GroupPlan, number>();
  const created = groups.filter((g) => g.existingId === null);
  for (let start = 0; start < created.length; start += 1000) {
    const part = created.slice(start, start + 1000);
    const rows = await tx
      .insert(products)
      .values(part.map((g) => g.product!.fields))
      .returning({ id: products.id, slug: products.slug });
    const bySlug = new Map(rows.map((row) => [row.slug, row.id]));
    for (const group of part) idOf.set(group, bySlug.get(group.product!.fields.slug)!);
  }
  const touched: number[] = [];
  for (const group of groups) {
    if (group.existingId === null) continue;
    if (!before.has(group.existingId)) throw new Error(`product ${group.slug} disappeared during the import`);
    idOf.set(group, group.existingId);
    if (group.product!.action === 'update') {
      await tx
        .update(products)
        .set({ ...group.product!.fields, updatedAt: sql`now()` })
        .where(sql`${products.id} = ${group.existingId}`);
    } else {
      touched.push(group.existingId);
    }
  }
  if (touched.length) await tx.execute(sql`update products set updated_at = now() where id in (${inList(touched)})`);

  const regenred = groups.filter((g) => g.genreIds !== null && g.genresChanged);
  const regenredIds = regenred.flatMap((g) => (g.existingId === null ? [] : [g.existingId]));
  if (regenredIds.length)
    await tx.execute(sql`delete from product_genres where product_id in (${inList(regenredIds)})`);
  const genreRows = regenred.flatMap((g) => g.genreIds!.map((genreId) => sql`(${idOf.get(g)!}, ${genreId})`));
  if (genreRows.length) {
    await tx.execute(sql`insert into product_genres (product_id, genre_id) values ${sql.join(genreRows, sql`, `)}`);
  }

  const planned = groups.flatMap((g) => g.rows.map((row) => ({ productId: idOf.get(g)!, plan: row.edition! })));
  await insertEditions(
    tx,
    planned.filter((p) => p.plan.action === 'create').map((p) => ({ productId: p.productId, edition: p.plan.input })),
    admin.id,
  );
  for (const { plan } of planned) {
    if (plan.action === 'update' && plan.existingId !== null) await updateEdition(tx, plan.existingId, plan.input);
  }

  const ids = groups.map((g) => idOf.get(g)!);
  const after = await productSnapshots(tx, ids);
  for (const id of ids) {
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'product.import',
      entity: 'product',
      entityId: id,
      before: before.get(id) ?? null,
      after: after.get(id) ?? null,
    });
  }
  return ids;
}

const needsWrite = (group: GroupPlan) =>
  group.valid &&
  group.product !== null &&
  (group.product.action !== 'unchanged' || group.rows.some((row) => row.edition && row.edition.action !== 'unchanged'));

const CONSTRAINT_ERRORS: Record<string, { column: CsvColumn; message: string }> = {
  products_slug_key: { column: 'slug', message: 'slugTaken' },
  editions_sku_key: { column: 'sku', message: 'skuTaken' },
  editions_barcode_key: { column: 'barcode', message: 'barcodeTaken' },
};

/**
 * Imports one batch of rows: checks them again against the database (as the dry run did) and
 * saves every product without errors, all in one transaction with a `product.import` audit row per
 * product and the search index refresh. If the batch's transaction fails (for example a SKU taken
 * by someone else meanwhile), each product is retried in its own transaction so the others are
 * still saved and the failing one reports an error. Returns the batch's report and the cache tags
 * to expire. At most IMPORT_LIMITS.batchRows rows.
 */
export async function applyImport(
  admin: AdminUser,
  request: ImportRequest,
): Promise<{ report: ImportReport; tags: string[] }> {
  assertAdmin(admin);
  if (request.rows.length > IMPORT_LIMITS.batchRows) throw new RangeError('import batch too large');
  const db = await getDb();
  const plan = await planImport(db, request);
  const writes = plan.groups.filter(needsWrite);
  const saved = new Set<GroupPlan>();
  try {
    await db.transaction(async (tx) => {
      const ids = await applyGroups(tx, admin, writes);
      await refreshSearchIndex(tx, ids);
    });
    for (const group of writes) saved.add(group);
  } catch {
    for (const group of writes) {
      try {
        await db.transaction(async (tx) => {
          const ids = await applyGroups(tx, admin, [group]);
          await refreshSearchIndex(tx, ids);
        });
        saved.add(group);
      } catch (error) {
        const constraint = violatedConstraint(error);
        const known = constraint ? CONSTRAINT_ERRORS[constraint] : undefined;
        group.valid = false;
        plan.errors.push({
          line: group.rows[0].line,
          column: known?.column ?? null,
          message: known?.message ?? 'saveFailed',
        });
        if (!known) console.error(`CSV import: saving ${group.slug} failed`, error);
      }
    }
    plan.errors.sort((a, b) => a.line - b.line);
  }
  return {
    report: reportOf(plan),
    tags: saved.size ? catalogTags({ productSlugs: Array.from(saved, (g) => g.product!.fields.slug) }) : [],
  };
}
