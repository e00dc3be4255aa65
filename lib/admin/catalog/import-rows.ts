import { groupBySlug, type HeaderMap, readRow } from './csv-columns';
import type { ExportProduct } from './export-fields';
import type { ImportIssue } from './types';
import type { EditionInput } from './validation';

/**
 * The shapes the CSV import works with (lib/admin/catalog/import*.ts): the rows as sent, the plan
 * of what each product and row would do, and the checks that need no database. Pure.
 */

export type Action = 'create' | 'update' | 'unchanged';
/** A product's own fields, as the export writes them (its genres apart). */
export type ProductFields = Omit<ExportProduct, 'genres'>;

export type RowPlan = {
  line: number;
  slug: string;
  sku: string;
  edition: { action: Action; input: EditionInput; existingId: number | null } | null;
};

export type GroupPlan = {
  slug: string;
  valid: boolean;
  existingId: number | null;
  product: { action: Action; fields: ProductFields } | null;
  /** null: the file has no genres column, so the product keeps its genres. */
  genreIds: number[] | null;
  genresChanged: boolean;
  rows: RowPlan[];
};

export type Plan = { groups: GroupPlan[]; errors: ImportIssue[]; warnings: ImportIssue[]; rowCount: number };

/**
 * State that spans a whole file when it is checked in chunks (the dry run): the first line of each
 * SKU and barcode, to report duplicates between chunks.
 */
export type FileState = { firstSku: Map<string, number>; firstBarcode: Map<string, string> };
export const newFileState = (): FileState => ({ firstSku: new Map(), firstBarcode: new Map() });

/** A row as the browser sends it: its line in the file and its cells. */
export type ImportRow = { line: number; cells: string[] };

/** What is wrong with a file's header: unknown columns (warnings), duplicate and missing ones (errors). */
export function headerIssues(header: HeaderMap): { errors: ImportIssue[]; warnings: ImportIssue[] } {
  return {
    warnings: header.unknown.map((name) => ({ line: 1, column: name, message: 'columnUnknown' })),
    errors: [
      ...header.duplicate.map((name) => ({ line: 1, column: name, message: 'columnDuplicate' })),
      ...header.missing.map((name) => ({ line: 1, column: name, message: 'columnMissing' })),
    ],
  };
}

/** The key rows of one product share (the import groups rows by it). */
export const productKeyOf = (header: HeaderMap, cells: readonly string[]) =>
  (readRow(header, cells).slug ?? '').trim().toLowerCase();

/** Every row of `rows` skipped, as when the header has errors. */
export function skippedPlan(header: HeaderMap, rows: readonly ImportRow[]): Plan {
  const records = rows.map((row) => ({ line: row.line, cells: row.cells, slug: productKeyOf(header, row.cells) }));
  const groups = groupBySlug(records).map((group) => ({
    slug: group[0].slug,
    valid: false,
    existingId: null,
    product: null,
    genreIds: null,
    genresChanged: false,
    rows: group.map((r) => ({ line: r.line, slug: r.slug, sku: readRow(header, r.cells).sku ?? '', edition: null })),
  }));
  return { groups, errors: [], warnings: [], rowCount: rows.length };
}
