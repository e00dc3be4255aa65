import 'server-only';
import { z } from 'zod';
import type { Executor } from '@/db';
import { env } from '@/lib/env';
import { FORMATS_BY_KIND } from '@/lib/catalog/formats';
import {
  type CsvColumn,
  EDITION_COLUMNS,
  EDITION_FIELD_COLUMNS,
  type EditionColumn,
  groupBySlug,
  type HeaderMap,
  parseBoolean,
  PRODUCT_COLUMNS,
  PRODUCT_FIELD_COLUMNS,
  type ProductColumn,
  readRow,
} from './csv-columns';
import { editionCells, productCells } from './csv-cells';
import { loadExisting } from './import-existing';
import { storeMinorPerMajor } from './queries';
import {
  type Action,
  type FileState,
  type GroupPlan,
  type ImportRow,
  newFileState,
  type Plan,
  type ProductFields,
  type RowPlan,
} from './import-rows';
import type { ImportIssue } from './types';
import { type EditionDraft, LIMITS } from './drafts';
import { splitList } from './field-parsers';
import { editionSchema } from './part-schemas';
import { type EditionInput, productFieldsShape } from './validation';

/**
 * The CSV import's check of rows against the catalog (lib/admin/catalog/import.ts): what each row
 * would create or update, and every problem by line and column. Reads, never writes.
 */

const productObject = z.object(productFieldsShape);

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

/**
 * Works out what every row would do, without writing anything. The header must have no errors
 * (headerIssues). Rows of one product must all be in `rows`; duplicates of SKUs and barcodes are
 * checked against `state`, which the caller keeps across the chunks of one file.
 */
export async function planRows(
  executor: Executor,
  header: HeaderMap,
  headerWidth: number,
  rows: readonly ImportRow[],
  state: FileState = newFileState(),
): Promise<Plan> {
  const currency = env.STORE_CURRENCY;
  const minorPerMajor = storeMinorPerMajor();
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const records = rows.map((row) => {
    const cells = readRow(header, row.cells);
    return { line: row.line, cells, slug: (cells.slug ?? '').trim().toLowerCase(), width: row.cells.length };
  });
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
  const { firstSku, firstBarcode } = state;
  for (const record of records) {
    if (record.width !== headerWidth) addError(record.line, null, 'cellCount');
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
