import 'server-only';
import { env } from '@/lib/env';
import type { AdminUser } from './admin-user';
import { csvLine, UTF8_BOM } from './csv';
import { editionCells, exportRow, productCells } from './csv-cells';
import { CSV_COLUMNS } from './csv-columns';
import { exportCatalogRows, storeMinorPerMajor } from './queries';
import type { AdminProductFilters } from './validation';

/**
 * The CSV export as a byte stream: the byte-order mark and header, then one row per edition, read
 * from the database 500 products at a time as the client downloads.
 */
export function csvExportStream(
  admin: AdminUser,
  filters: Omit<AdminProductFilters, 'page'>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const minorPerMajor = storeMinorPerMajor();
  const rows = exportCatalogRows(admin, filters);
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(CSV_COLUMNS)));
        return;
      }
      const next = await rows.next();
      if (next.done) {
        controller.close();
        return;
      }
      const text = next.value
        .map(({ product, edition }) =>
          csvLine(exportRow(productCells(product), editionCells(edition, env.STORE_CURRENCY, minorPerMajor))),
        )
        .join('');
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}
