// CSV import preview benchmark, run by scripts/bench.ts: the dry run of a 50,000-row file (the
// catalog's own export, copied under new slugs and SKUs, one row in a hundred with a bad price)
// through the real route as the admin page sends it, and the server's resident memory meanwhile.
// Alone: `tsx --conditions=react-server scripts/bench-import.ts <base URL> <server pid> [rows]`
// against a running server whose database has the demo admin.
import fs from 'node:fs';
import { parseCsv } from '@/lib/admin/catalog/csv';
import { readHeader } from '@/lib/admin/catalog/csv-columns';
import { PREVIEW_CONTENT_TYPE, previewBody } from '@/lib/admin/catalog/import-format';
import { must } from '@/lib/must';
import { CookieJar, signIn } from './lib/sign-in';

/** The account it signs in as (bench.ts creates it with `npm run admin:create`). */
export const IMPORT_ADMIN = { login: 'admin@encore.test', password: 'encore-admin-demo' };

/** The session cookie of the demo admin, signed in through next-auth's credentials callback. */
export async function adminCookie(baseUrl: string): Promise<string> {
  const jar = new CookieJar();
  await signIn(baseUrl, jar, IMPORT_ADMIN.login, IMPORT_ADMIN.password);
  return jar.header();
}

/** A file of `count` rows: the catalog's export repeated under new slugs and SKUs, 1 % with errors. */
export async function largeImportFile(baseUrl: string, cookie: string, count: number) {
  const exported = await fetch(`${baseUrl}/api/admin/products/export.csv`, { headers: { cookie } });
  if (!exported.ok) throw new Error(`export.csv answered ${exported.status}`);
  const [head, ...catalog] = parseCsv(await exported.text());
  if (!head || catalog.length === 0) throw new Error('export.csv holds no products to copy');
  const { index } = readHeader(head.cells);
  const rows = Array.from({ length: count }, (_, i) => {
    const copy = Math.floor(i / catalog.length);
    const cells = [...must(catalog[i % catalog.length], 'exported row').cells];
    cells[index.slug!] = `${cells[index.slug!]}-copy-${copy}`;
    cells[index.sku!] = `${cells[index.sku!]}-C${copy}`;
    if (index.barcode !== undefined) cells[index.barcode] = '';
    if (index.price !== undefined && i % 100 === 99) cells[index.price] = 'twelve';
    return { line: i + 2, cells };
  });
  return { header: head.cells, rows };
}

const residentMegabytes = (pid: number) =>
  Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/**
 * The dry run of a `rows`-row file, sent the way the admin page sends it, and the server's resident
 * memory before and at its highest while the request runs (sampled every 20 ms).
 */
export async function measureImportPreview(baseUrl: string, serverPid: number, { rows = 50_000 } = {}) {
  const cookie = await adminCookie(baseUrl);
  const file = await largeImportFile(baseUrl, cookie, rows);
  const body = previewBody(file.header, file.rows);
  const before = residentMegabytes(serverPid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentMegabytes(serverPid))), 20);
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}/api/admin/products/import`, {
      method: 'POST',
      headers: { 'content-type': PREVIEW_CONTENT_TYPE, cookie, origin: baseUrl },
      body,
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`preview answered ${response.status}: ${text.slice(0, 300)}`);
    const report = JSON.parse(text) as { counts: { rows: number }; errors: unknown[]; errorCount: number };
    return {
      rows,
      requestMegabytes: Math.round(body.length / 1024 / 1024),
      seconds: Math.round((performance.now() - started) / 100) / 10,
      rssBeforeMb: Math.round(before),
      rssPeakMb: Math.round(peak),
      rowsChecked: report.counts.rows,
      errorsReported: report.errorCount,
      errorsListed: report.errors.length,
      responseKilobytes: Math.round(text.length / 1024),
    };
  } finally {
    clearInterval(sampler);
  }
}

if (process.argv[1]?.endsWith('bench-import.ts')) {
  const [baseUrl, pid, rows] = process.argv.slice(2);
  if (!baseUrl || !pid) {
    console.error('Usage: tsx scripts/bench-import.ts <base URL> <server pid> [rows]');
    process.exit(1);
  }
  measureImportPreview(baseUrl, Number(pid), { rows: rows ? Number(rows) : undefined })
    .then((result) => console.log(result))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
