// Run by tests/integration/admin-catalog-import-memory.test.ts in a child process with a small V8
// heap (--max-old-space-size): the dry run of a 50,000-row import file, generated a row at a time
// (so this process never holds the file), against an empty in-memory database. Prints a JSON summary
// of the report; runs out of memory if the dry run holds the file or its results.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { type Database, setDb } from '@/db';
import { applyMigrations } from '@/db/migrate';
import * as schema from '@/db/schema';
import { CSV_COLUMNS } from '@/lib/admin/catalog/csv-columns';
import { previewImport } from '@/lib/admin/catalog/import-preview';
import type { AdminUser } from '@/lib/admin/catalog/admin-user';
import { must } from '@/lib/must';

const ROWS = Number(process.argv[2] ?? 50_000);
const FORMATS = ['cd', 'vinyl', 'cassette', 'digital_audio'];

/** The body's lines: the header, then 4 editions per product, one row in a hundred with a bad price. */
async function* lines(): AsyncGenerator<string> {
  yield JSON.stringify({ mode: 'preview', header: CSV_COLUMNS });
  for (let i = 0; i < ROWS; i++) {
    const product = Math.floor(i / FORMATS.length);
    const format = must(FORMATS[i % FORMATS.length], 'a format');
    const cells: Record<string, string> = {
      slug: `memory-test-album-${product}`,
      kind: 'album',
      title: `Memory Test Album ${product}`,
      description: `A long description of album ${product}, `.repeat(8),
      release_date: '2001-02-03',
      label: 'Test Label',
      status: 'active',
      sku: `MEM-${product}-${format.toUpperCase()}`,
      format,
      currency: 'USD',
      price: i % 100 === 99 ? 'twelve' : `${10 + (i % 30)}.99`,
      edition_status: 'active',
      rentable: 'false',
      digital: format === 'digital_audio' ? 'true' : 'false',
      stock: format === 'digital_audio' ? '0' : '5',
      barcode: String(5_000_000_000_000 + i),
    };
    yield JSON.stringify({ line: i + 2, cells: CSV_COLUMNS.map((column) => cells[column] ?? '') });
  }
}

async function main() {
  const client = await PGlite.create('memory://', { extensions: { pg_trgm } });
  const db = drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
  await applyMigrations(db);
  setDb(db, () => client.close());
  const admin = { id: 1, role: 'admin' } as AdminUser;
  const report = await previewImport(admin, lines());
  console.log(
    JSON.stringify({
      rows: report.counts.rows,
      products: report.counts.products,
      errorCount: report.errorCount,
      errorsListed: report.errors.length,
      rowsListed: report.rows.length,
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1024 / 1024),
    }),
  );
  await client.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
