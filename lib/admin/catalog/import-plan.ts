import 'server-only';
import { z } from 'zod';
import type { Executor } from '@/db';
import { env } from '@/lib/env';
import {
  type CsvColumn,
  groupBySlug,
  type HeaderMap,
  PRODUCT_COLUMNS,
  PRODUCT_FIELD_COLUMNS,
  type ProductColumn,
  readRow,
} from './csv-columns';
import { productCells } from './csv-cells';
import { type ExistingProduct, loadExisting } from './import-existing';
import { type ImportRecord, type PlanContext, planEditionRow } from './import-plan-edition';
import { storeMinorPerMajor } from './queries';
import {
  type Action,
  type FileState,
  type GroupPlan,
  type ImportRow,
  newFileState,
  type Plan,
  type ProductFields,
} from './import-rows';
import type { ImportIssue } from './types';
import { LIMITS } from './drafts';
import { splitList } from './field-parsers';
import { productFieldsShape } from './validation';

/**
 * The CSV import's check of rows against the catalog (lib/admin/catalog/import.ts): what each row
 * would create or update, and every problem by line and column. Reads, never writes.
 */

const productObject = z.object(productFieldsShape);

const EMPTY_PRODUCT = Object.fromEntries(PRODUCT_COLUMNS.map((c) => [c, ''])) as Record<ProductColumn, string>;
const PRODUCT_COLUMN_OF = PRODUCT_FIELD_COLUMNS as Record<string, CsvColumn>;

const skuOf = (cells: Partial<Record<CsvColumn, string>>) => (cells.sku ?? '').trim().toUpperCase();
const barcodeOf = (cells: Partial<Record<CsvColumn, string>>) => (cells.barcode ?? '').trim().replace(/[\s-]/g, '');

/** The product's fields as a product object, from cells by column. */
const productFieldsOf = (cells: Record<ProductColumn, string>) =>
  productObject.safeParse({
    slug: cells.slug,
    kind: cells.kind,
    title: cells.title,
    originalTitle: cells.original_title,
    description: cells.description,
    releaseDate: cells.release_date,
    ageRating: cells.age_rating,
    label: cells.label,
    status: cells.status,
  });

/**
 * Problems that need the whole file: a row of another width than the header, a SKU or barcode
 * twice (`state` remembers the first line of each across the chunks of one file).
 */
function checkFileDuplicates(ctx: PlanContext, records: ImportRecord[], headerWidth: number, state: FileState) {
  const { firstSku, firstBarcode } = state;
  for (const record of records) {
    if (record.width !== headerWidth) ctx.addError(record.line, null, 'cellCount');
    const sku = skuOf(record.cells);
    if (sku) {
      const first = firstSku.get(sku);
      if (first !== undefined) ctx.addError(record.line, 'sku', 'skuDuplicate', { line: String(first) });
      else firstSku.set(sku, record.line);
    }
    const barcode = barcodeOf(record.cells);
    if (barcode) {
      const owner = firstBarcode.get(barcode);
      if (owner !== undefined && owner !== sku) ctx.addError(record.line, 'barcode', 'barcodeDuplicate');
      else firstBarcode.set(barcode, sku);
    }
  }
}

/**
 * What the rows of one product would do to the product itself: its columns must say the same thing
 * on every row; the current fields (or empty ones for a new product) overlaid with the first row's
 * columns are validated and compared with what is stored, genres included when the file has them.
 */
function planProduct(
  ctx: PlanContext,
  group: [ImportRecord, ...ImportRecord[]],
  existing: ExistingProduct | null,
  genres: Map<string, number>,
) {
  const { has, addError } = ctx;
  const first = group[0];
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
  const parsed = productFieldsOf(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = PRODUCT_COLUMN_OF[String(issue.path[0])] ?? null;
      addError(first.line, column, /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid');
    }
  }
  const fields = parsed.success ? (parsed.data as ProductFields) : null;
  let action: Action = 'create';
  if (existing && fields) {
    const before = productFieldsOf(base);
    action = before.success && JSON.stringify(before.data) === JSON.stringify(fields) ? 'unchanged' : 'update';
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
  if (action === 'unchanged' && genresChanged) action = 'update';
  return { fields, action, genreIds, genresChanged };
}

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
  const records: ImportRecord[] = rows.map((row) => {
    const cells = readRow(header, row.cells);
    return { line: row.line, cells, slug: (cells.slug ?? '').trim().toLowerCase(), width: row.cells.length };
  });
  const { productsBySlug, editionsBySku, barcodeOwners, genres } = await loadExisting(
    executor,
    Array.from(new Set(records.map((r) => r.slug).filter(Boolean))),
    Array.from(new Set(records.map((r) => skuOf(r.cells)).filter(Boolean))),
    Array.from(new Set(records.map((r) => barcodeOf(r.cells)).filter((b) => /^\d{8,14}$/.test(b)))),
  );
  const rowErrors = new Map<number, ImportIssue[]>();
  const ctx: PlanContext = {
    has: (column) => header.index[column] !== undefined,
    addError: (line, column, message, params) => {
      const issue: ImportIssue = { line, column, message, ...(params ? { params } : {}) };
      rowErrors.set(line, [...(rowErrors.get(line) ?? []), issue]);
    },
    warnings: [],
    currency: env.STORE_CURRENCY,
    minorPerMajor: storeMinorPerMajor(),
  };
  checkFileDuplicates(ctx, records, headerWidth, state);

  const groups: GroupPlan[] = [];
  for (const group of groupBySlug(records)) {
    const existing = productsBySlug.get(group[0].slug) ?? null;
    const product = planProduct(ctx, group, existing, genres);
    const rowPlans = group.map((record) =>
      planEditionRow(ctx, record, existing, product.fields, { editionsBySku, barcodeOwners }),
    );
    groups.push({
      slug: group[0].slug,
      valid: product.fields !== null && group.every((record) => !rowErrors.has(record.line)),
      existingId: existing?.id ?? null,
      product: product.fields ? { action: product.action, fields: product.fields } : null,
      genreIds: product.genreIds,
      genresChanged: product.genresChanged,
      rows: rowPlans,
    });
  }
  const errors = [...rowErrors.values()].flat().sort((a, b) => a.line - b.line);
  const warnings = ctx.warnings.sort((a, b) => a.line - b.line);
  return { groups, errors, warnings, rowCount: records.length };
}
