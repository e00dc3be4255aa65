import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db';
import { type AdminUser, assertAdmin } from './admin-user';
import { type HeaderMap, readHeader } from './csv-columns';
import { headerSchema, IMPORT_LIMITS, rowSchema } from './import';
import { planRows } from './import-plan';
import { ReportBuilder } from './import-report';
import { headerIssues, type ImportRow, newFileState, productKeyOf } from './import-rows';
import type { ImportReport } from './types';
import { LIMITS } from './drafts';

/**
 * The CSV import's dry run (see lib/admin/catalog/import.ts for the whole import). It gets every
 * row of the file in one request, as newline-delimited JSON with the rows of each product together
 * (lib/admin/catalog/import-format.ts), and checks whole products a chunk at a time as they arrive,
 * keeping only what spans the file (the first line of each SKU and barcode) and a report whose
 * lists are capped: its memory does not grow with the file. Parsed and checked whole, a 50,000-row
 * file took 1.1 GB.
 */

/** Rows the dry run checks at a time (whole products, so a chunk may hold a few more). */
const PREVIEW_CHUNK_ROWS = 1_000;

/** The first line of a dry run's body; each further line is one row, `{line, cells}`. */
const previewStartSchema = z.object({ mode: z.literal('preview'), header: headerSchema });

/** A dry run's body that cannot be read: not our format (`invalid`), or more rows than allowed. */
export class ImportInputError extends Error {
  constructor(readonly code: 'invalid' | 'tooManyRows') {
    super(`import input: ${code}`);
    this.name = 'ImportInputError';
  }
}

function parseLine<T>(schema: z.ZodType<T>, line: string): T {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new ImportInputError('invalid');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ImportInputError('invalid');
  return parsed.data;
}

/** What to report for rows that are not checked at all (their product is skipped anyway). */
function skippedRows(header: HeaderMap, rows: ImportRow[]) {
  return rows.map((row) => ({ line: row.line, slug: productKeyOf(header, row.cells), sku: readSku(header, row) }));
}
const readSku = (header: HeaderMap, row: ImportRow) =>
  header.index.sku === undefined ? '' : (row.cells[header.index.sku] ?? '');

/**
 * The dry run over a whole file, given as the lines of its request body: first
 * `{"mode":"preview","header":[…]}`, then one `{"line":2,"cells":[…]}` per row, the rows of each
 * product together (lib/admin/catalog/import-format.ts writes it). Checks whole products a chunk
 * at a time; duplicates of SKUs and barcodes across the file are still found. Writes nothing.
 * Throws ImportInputError for a body it cannot read or of more than IMPORT_LIMITS.previewRows rows.
 */
export async function previewImport(admin: AdminUser, lines: AsyncIterable<string>): Promise<ImportReport> {
  assertAdmin(admin);
  const db = await getDb();
  const report = new ReportBuilder();
  let start: z.infer<typeof previewStartSchema> | null = null;
  let header: HeaderMap | null = null;
  let headerOk = false;
  const state = newFileState();
  // Products whose rows have all gone by (their key changed): a row of theirs now is out of place.
  const passed = new Map<string, number>();
  const skippedProducts = new Set<string>();
  let chunk: ImportRow[] = [];
  let key: string | null = null;
  let keyLine = 0;
  let keyRows = 0;
  let count = 0;

  const flush = async () => {
    if (chunk.length) report.addPlan(await planRows(db, header!, start!.header.length, chunk, state));
    chunk = [];
  };

  for await (const line of lines) {
    if (!start) {
      start = parseLine(previewStartSchema, line);
      header = readHeader(start.header);
      const issues = headerIssues(header);
      report.addIssues(issues);
      headerOk = issues.errors.length === 0;
      continue;
    }
    const row = parseLine(rowSchema, line);
    if (++count > IMPORT_LIMITS.previewRows) throw new ImportInputError('tooManyRows');
    const rowKey = productKeyOf(header!, row.cells);
    if (!headerOk) {
      // Nothing can be checked without the right columns: every row is skipped, as one per product.
      skippedProducts.add(rowKey);
      report.addSkipped(skippedRows(header!, [row]));
      continue;
    }
    if (rowKey !== key) {
      if (key !== null && !passed.has(key)) passed.set(key, keyLine);
      if (chunk.length >= PREVIEW_CHUNK_ROWS) await flush();
      key = rowKey;
      keyLine = row.line;
      keyRows = 0;
    }
    const first = passed.get(rowKey);
    if (first !== undefined) {
      report.addIssues({
        errors: [{ line: row.line, column: 'slug', message: 'productRowsApart', params: { line: String(first) } }],
      });
      report.addSkipped(skippedRows(header!, [row]));
    } else if (++keyRows > LIMITS.editions + 1) {
      // Too many rows for one product: the first ones already make it fail (tooManyEditions).
      report.addSkipped(skippedRows(header!, [row]));
    } else {
      chunk.push(row);
    }
  }
  if (!start) throw new ImportInputError('invalid');
  await flush();
  report.countSkippedProducts(skippedProducts.size);
  return report.report();
}
