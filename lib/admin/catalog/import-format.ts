import type { CsvRecord } from './csv';
import { importBatches } from './csv-columns';

/**
 * The dry run's request body, written by the browser and read a line at a time by the server
 * (lib/admin/catalog/import.ts, previewImport): newline-delimited JSON, first the header, then one
 * row per line with the rows of each product together, so the server can check whole products as
 * they arrive without holding the file. Pure.
 */
export const PREVIEW_CONTENT_TYPE = 'application/x-ndjson';

export function previewBody(header: readonly string[], rows: readonly CsvRecord[]): string {
  const lines = [JSON.stringify({ mode: 'preview', header })];
  // One batch with no size limit: every row, grouped by product in the order products first appear.
  for (const batch of importBatches(header, rows, Number.POSITIVE_INFINITY)) {
    for (const row of batch) lines.push(JSON.stringify({ line: row.line, cells: row.cells }));
  }
  return `${lines.join('\n')}\n`;
}
