import { sql } from 'drizzle-orm';
import { revalidateTag } from 'next/cache';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as exportCsv } from '@/app/api/admin/products/export.csv/route';
import { POST as importCsv } from '@/app/api/admin/products/import/route';
import { getDb, queryRow } from '@/db';
import { parseCsv, serializeCsv, UTF8_BOM } from '@/lib/admin/catalog/csv';
import { CSV_COLUMNS, importBatches } from '@/lib/admin/catalog/csv-columns';
import { PREVIEW_CONTENT_TYPE, previewBody } from '@/lib/admin/catalog/import-format';
import type { ImportReport } from '@/lib/admin/catalog/types';
import { listProducts } from '@/lib/catalog/queries';
import { getProduct } from '@/lib/catalog/detail-queries';
import { readFilters } from '@/lib/catalog/validation';
import { requestContext, signInAs } from '../support/request-context';
import { at } from '@/tests/support/lists';
import { createTestUser } from '@/tests/support/users';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

const RUN = Date.now().toString(36);
/** SKUs are stored in upper case. */
const SKU_RUN = RUN.toUpperCase();
let adminId: number;
let customerId: number;

const newUser = async (role: 'customer' | 'admin', prefix: string) => (await createTestUser({ role, prefix })).id;

beforeAll(async () => {
  adminId = await newUser('admin', 'importer');
  customerId = await newUser('customer', 'shopper');
});

beforeEach(async () => {
  requestContext.reset();
  vi.mocked(revalidateTag).mockClear();
  await signInAs(adminId);
});

type Rows = { line: number; cells: string[] }[];

async function download(query = ''): Promise<string> {
  const response = await exportCsv(new Request(`http://localhost/api/admin/products/export.csv${query}`));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  const bytes = new Uint8Array(await response.arrayBuffer());
  // UTF-8 byte-order mark, for Excel.
  expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

/** As the page sends them: the dry run as newline-delimited JSON, a batch to import as JSON. */
async function post(mode: 'preview' | 'apply', header: string[], rows: Rows): Promise<Response> {
  const preview = mode === 'preview';
  return importCsv(
    new Request('http://localhost/api/admin/products/import', {
      method: 'POST',
      headers: { 'content-type': preview ? PREVIEW_CONTENT_TYPE : 'application/json' },
      body: preview ? previewBody(header, rows) : JSON.stringify({ mode, header, rows }),
    }),
  );
}

/** A CSV file's header record and the records after it. */
function table(text: string) {
  const [head, ...rows] = parseCsv(text);
  if (!head) throw new Error('The CSV has no header');
  return { head, rows };
}

/** What the browser does: parse, dry run, then import in batches of whole products. */
async function importText(text: string, batchRows = 500) {
  const { head, rows } = table(text);
  const previewResponse = await post('preview', head.cells, rows);
  expect(previewResponse.status).toBe(200);
  const preview = (await previewResponse.json()) as ImportReport;
  const applied: ImportReport[] = [];
  for (const batch of importBatches(head.cells, rows, batchRows)) {
    const response = await post('apply', head.cells, batch);
    expect(response.status).toBe(200);
    applied.push((await response.json()) as ImportReport);
  }
  const sum = (pick: (r: ImportReport) => number) => applied.reduce((n, r) => n + pick(r), 0);
  return {
    preview,
    applied,
    created: { products: sum((r) => r.counts.products.create), editions: sum((r) => r.counts.editions.create) },
    updated: { products: sum((r) => r.counts.products.update), editions: sum((r) => r.counts.editions.update) },
    errors: applied.flatMap((r) => r.errors),
  };
}

const header = [...CSV_COLUMNS];
function row(values: Partial<Record<(typeof CSV_COLUMNS)[number], string>>): string[] {
  const defaults: Partial<Record<(typeof CSV_COLUMNS)[number], string>> = {
    kind: 'album',
    status: 'active',
    format: 'cd',
    currency: 'USD',
    price: '10.00',
    edition_status: 'active',
    rentable: 'false',
    digital: 'false',
    stock: '0',
  };
  const cells = { ...defaults, ...values };
  return header.map((column) => cells[column] ?? '');
}

async function count(query: ReturnType<typeof sql>): Promise<number> {
  const result = await queryRow<{ n: number }>(await getDb(), query);
  return result.n;
}

describe('CSV export', () => {
  it('writes one row per edition with the product repeated, and re-imports as "unchanged"', async () => {
    const text = await download();
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    const { head, rows } = table(text);
    expect(head.cells).toEqual([...CSV_COLUMNS]);
    expect(rows.length).toBe(await count(sql`select count(*)::int as n from editions`));
    // CJK titles survive.
    const originals = rows.map((r) => at(r.cells, CSV_COLUMNS.indexOf('original_title'), 'original_title cell'));
    expect(originals.some((t) => /[\u4e00-\u9fff\u3040-\u30ff\uac00-\ud7af]/.test(t))).toBe(true);

    const filtered = parseCsv(await download('?kind=game&format=game_digital'));
    expect(filtered.length - 1).toBeGreaterThan(0);
    expect(filtered.slice(1).every((r) => r.cells[CSV_COLUMNS.indexOf('kind')] === 'game')).toBe(true);

    const preview = (await (await post('preview', head.cells, rows)).json()) as ImportReport;
    expect(preview.errors).toEqual([]);
    expect(preview.counts.products.create + preview.counts.products.update).toBe(0);
    expect(preview.counts.editions).toMatchObject({ create: 0, update: 0, unchanged: rows.length });
  });
});

describe('CSV import', () => {
  it('creates and updates from a good file, shown at once by the storefront and search', async () => {
    const existing = await queryRow<{ slug: string; sku: string; title: string; price: number }>(
      await getDb(),
      sql`select p.slug, e.sku, p.title, e.price_minor as price from products p join editions e on e.product_id = p.id
        where p.status = 'active' and e.status = 'active' and p.kind = 'album' order by p.id limit 1`,
    );
    const before = await getProduct(existing.slug);
    const slug = `import-fresh-${RUN}`;
    const text = serializeCsv(
      [
        header,
        row({
          slug,
          title: `Zephyrine Import ${RUN}`,
          original_title: '风之歌',
          genres: 'jazz',
          sku: `IMP-${SKU_RUN}-CD`,
          price: '11.50',
          stock: '6',
        }),
        row({
          slug,
          title: `Zephyrine Import ${RUN}`,
          original_title: '风之歌',
          genres: 'jazz',
          sku: `IMP-${SKU_RUN}-LP`,
          format: 'vinyl',
          price: '24',
          vinyl_weight_grams: '180',
          stock: '2',
        }),
        // An existing edition, matched by SKU, with only slug, sku and price columns.
      ],
      { bom: true },
    );
    const result = await importText(text);
    expect(result.preview.errors).toEqual([]);
    expect(result.preview.counts.products.create).toBe(1);
    expect(result.preview.counts.editions.create).toBe(2);
    expect(result.created).toEqual({ products: 1, editions: 2 });

    const product = await getProduct(slug);
    expect(product?.editions.map((e) => [e.sku, e.priceMinor, e.stock])).toEqual([
      [`IMP-${SKU_RUN}-CD`, 1150, 6],
      [`IMP-${SKU_RUN}-LP`, 2400, 2],
    ]);
    expect(product?.genres.map((g) => g.slug)).toEqual(['jazz']);
    const found = await listProducts(readFilters(new URLSearchParams({ q: '风之歌' })));
    expect(found.items.map((i) => i.slug)).toContain(slug);
    expect(vi.mocked(revalidateTag).mock.calls).toEqual(
      expect.arrayContaining([
        ['catalog', { expire: 0 }],
        [`product:${slug}`, { expire: 0 }],
      ]),
    );
    expect(
      await count(sql`select count(*)::int as n from stock_movements m join editions e on e.id = m.edition_id
        where e.sku like ${`IMP-${SKU_RUN}-%`} and m.reason = 'initial'`),
    ).toBe(2);

    // A partial file: only slug, sku and price. Other columns keep their values; stock is ignored.
    const partial = serializeCsv([
      ['slug', 'sku', 'price', 'stock'],
      [existing.slug, existing.sku, '99.99', '12345'],
    ]);
    const update = await importText(partial);
    expect(update.preview.warnings).toEqual([{ line: 2, column: 'stock', message: 'stockIgnored' }]);
    expect(update.updated).toEqual({ products: 1, editions: 1 });
    const after = await getProduct(existing.slug);
    expect(after!.title).toBe(existing.title);
    const edition = after!.editions.find((e) => e.sku === existing.sku)!;
    expect(edition.priceMinor).toBe(9999);
    expect(edition.stock).toBe(before!.editions.find((e) => e.sku === existing.sku)!.stock);

    const audit = await queryRow<{
      action: string;
      before: { editions: { sku: string; priceMinor: number }[] };
      after: { editions: { sku: string; priceMinor: number }[] };
    }>(
      await getDb(),
      sql`select action, before, after from audit_log where entity = 'product' and action = 'product.import'
        and after->>'slug' = ${existing.slug} order by id desc limit 1`,
    );
    expect(audit.before.editions.find((e) => e.sku === existing.sku)!.priceMinor).toBe(existing.price);
    expect(audit.after.editions.find((e) => e.sku === existing.sku)!.priceMinor).toBe(9999);
  });

  it('reports broken rows by line and column, saving nothing of a product with a broken row', async () => {
    const good = `import-good-${RUN}`;
    const broken = `import-broken-${RUN}`;
    const taken = await queryRow<{ sku: string }>(await getDb(), sql`select sku from editions order by id limit 1`);
    const text = serializeCsv([
      header,
      row({ slug: broken, title: 'Broken One', sku: `BRK-${SKU_RUN}-1` }),
      row({ slug: good, title: 'Good One', sku: `GOOD-${SKU_RUN}-1`, price: '5' }),
      row({ slug: broken, title: 'Broken One', sku: `BRK-${SKU_RUN}-2`, price: '12.345' }),
      row({ slug: `import-bad-kind-${RUN}`, kind: 'podcast', title: 'x', sku: `BAD-${SKU_RUN}-1` }),
      row({ slug: `import-bad-format-${RUN}`, title: 'y', sku: `BAD-${SKU_RUN}-2`, format: 'dvd', rentable: 'maybe' }),
      row({ slug: `import-taken-${RUN}`, title: 'z', sku: taken.sku }),
      row({ slug: good, title: 'Good One, renamed', sku: `GOOD-${SKU_RUN}-1` }),
      row({ slug: 'Not A Slug', title: 'w', sku: `BAD-${SKU_RUN}-3`, currency: 'EUR' }),
    ]);
    const products = await count(sql`select count(*)::int as n from products`);
    const result = await importText(text);
    const errors = result.preview.errors.map((e) => [e.line, e.column, e.message]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [4, 'price', 'priceInvalid'],
        [5, 'kind', 'kindInvalid'],
        [6, 'format', 'formatWrongKind'],
        [6, 'rentable', 'booleanInvalid'],
        [7, 'sku', 'skuTaken'],
        [8, 'sku', 'skuDuplicate'],
        [8, 'title', 'productMismatch'],
        [9, 'slug', 'slugInvalid'],
        [9, 'currency', 'currencyMismatch'],
      ]),
    );
    // The good product is also broken by its own line 8; nothing in this file is valid.
    expect(result.preview.rows.every((r) => r.product === 'skip')).toBe(true);
    expect(result.created).toEqual({ products: 0, editions: 0 });
    expect(await count(sql`select count(*)::int as n from products`)).toBe(products);

    // Without the bad rows of "good", it is saved while the broken product still is not.
    const mixed = serializeCsv([
      header,
      row({ slug: broken, title: 'Broken One', sku: `BRK-${SKU_RUN}-1` }),
      row({ slug: good, title: 'Good One', sku: `GOOD-${SKU_RUN}-1`, price: '5' }),
      row({ slug: broken, title: 'Broken One', sku: `BRK-${SKU_RUN}-2`, price: '-3' }),
    ]);
    const second = await importText(mixed);
    expect(second.preview.rows.map((r) => [r.line, r.product, r.edition])).toEqual([
      [2, 'skip', 'skip'],
      [3, 'create', 'create'],
      [4, 'skip', 'skip'],
    ]);
    expect(second.created).toEqual({ products: 1, editions: 1 });
    expect(await getProduct(good)).not.toBeNull();
    expect(await count(sql`select count(*)::int as n from products where slug = ${broken}`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from editions where sku like ${`BRK-${SKU_RUN}-%`}`)).toBe(0);
  });

  it('refuses a file without the matching columns, and non-admins', async () => {
    const noSku = await post('preview', ['slug', 'title'], [{ line: 2, cells: ['a', 'b'] }]);
    const report = (await noSku.json()) as ImportReport;
    expect(report.errors).toEqual([{ line: 1, column: 'sku', message: 'columnMissing' }]);
    expect((await post('preview', [], [])).status).toBe(400);
    const junk = await importCsv(
      new Request('http://localhost/x', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{not json',
      }),
    );
    expect(junk.status).toBe(400);
    const untyped = await importCsv(new Request('http://localhost/x', { method: 'POST', body: '{}' }));
    expect(untyped.status).toBe(415);
    const tooMany = await post(
      'apply',
      ['slug', 'sku'],
      Array.from({ length: 2001 }, (_, i) => ({ line: i + 2, cells: ['a', `S${i}`] })),
    );
    expect(tooMany.status).toBe(413);

    requestContext.reset();
    expect(
      (
        await post('apply', header, [
          { line: 2, cells: row({ slug: `intruder-${RUN}`, title: 'x', sku: `X-${SKU_RUN}` }) },
        ])
      ).status,
    ).toBe(401);
    await signInAs(customerId);
    expect(
      (
        await post('apply', header, [
          { line: 2, cells: row({ slug: `intruder-${RUN}`, title: 'x', sku: `X-${SKU_RUN}` }) },
        ])
      ).status,
    ).toBe(403);
    expect((await exportCsv(new Request('http://localhost/api/admin/products/export.csv'))).status).toBe(403);
    expect(await count(sql`select count(*)::int as n from products where slug = ${`intruder-${RUN}`}`)).toBe(0);
  });

  it('checks a large file in chunks: duplicates across the whole file, every error counted, lists capped', async () => {
    // 750 products of 4 rows: the dry run checks about 1,000 rows at a time.
    const lines: string[][] = [header];
    for (let p = 0; p < 750; p++) {
      for (let e = 0; e < 4; e++) {
        const sku = p === 700 && e === 0 ? `CHK-${SKU_RUN}-0-0` : `CHK-${SKU_RUN}-${p}-${e}`;
        lines.push(row({ slug: `chunked-${RUN}-${p}`, title: `Chunked ${p}`, sku, price: e === 3 ? 'x' : '9.99' }));
      }
    }
    const { head, rows } = table(serializeCsv(lines));
    const preview = (await (await post('preview', head.cells, rows)).json()) as ImportReport;
    expect(preview.counts).toMatchObject({ rows: 3_000, products: { create: 0, skip: 750 } });
    // One bad price per product, and the SKU of line 2 used again 2,800 lines later.
    expect(preview.errorCount).toBe(751);
    const duplicate = 2 + 700 * 4;
    expect(preview.errors).toHaveLength(500);
    expect(preview.errors.map((e) => e.line)).toEqual([...preview.errors.map((e) => e.line)].sort((a, b) => a - b));
    expect(preview.errors[0]).toEqual({ line: 5, column: 'price', message: 'priceInvalid' });
    expect(preview.rows).toHaveLength(200);
    expect(preview.rows.map((r) => r.line)).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    // The duplicate is past the first 500 errors: check it on its own, with the prices fixed.
    const fixed = rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c === 'x' ? '9.99' : c)) }));
    const again = (await (await post('preview', head.cells, fixed)).json()) as ImportReport;
    expect(again.errors).toEqual([{ line: duplicate, column: 'sku', message: 'skuDuplicate', params: { line: '2' } }]);
    expect(again.counts.products).toMatchObject({ create: 749, skip: 1 });
  });

  it('refuses a dry run it cannot read, of more than 50,000 rows, and rows of a product apart', async () => {
    const send = (body: string) =>
      importCsv(
        new Request('http://localhost/api/admin/products/import', {
          method: 'POST',
          headers: { 'content-type': PREVIEW_CONTENT_TYPE },
          body,
        }),
      );
    const start = JSON.stringify({ mode: 'preview', header });
    const line = (n: number, slug: string, sku: string) =>
      JSON.stringify({ line: n, cells: row({ slug, sku, title: slug }) });
    expect((await send('{not json')).status).toBe(400);
    expect((await send(`${start}\n{"line": 2}`)).status).toBe(400);
    expect((await send('')).status).toBe(400);

    // Written by hand, not by the page: rows of a product must come together.
    const apart = await send(
      [
        start,
        line(2, `apart-a-${RUN}`, `AP-${SKU_RUN}-1`),
        line(3, `apart-b-${RUN}`, `AP-${SKU_RUN}-2`),
        line(4, `apart-a-${RUN}`, `AP-${SKU_RUN}-3`),
      ].join('\n'),
    );
    const report = (await apart.json()) as ImportReport;
    expect(report.errors).toEqual([{ line: 4, column: 'slug', message: 'productRowsApart', params: { line: '2' } }]);
    expect(report.rows.find((r) => r.line === 4)).toMatchObject({ product: 'skip', edition: 'skip' });

    // Rows are not checked without a sku column, so this only counts them.
    const many = [JSON.stringify({ mode: 'preview', header: ['slug'] })];
    for (let i = 0; i < 50_001; i++) many.push(JSON.stringify({ line: i + 2, cells: [`s${i}`] }));
    const tooMany = await send(many.join('\n'));
    expect(tooMany.status).toBe(413);
    expect(await tooMany.json()).toMatchObject({ error: { code: 'tooManyRows' } });
  });

  it('imports a generated 10,000-row file in batches, with the right counts', async () => {
    const PRODUCTS = 2_500;
    const formats = ['cd', 'vinyl', 'cassette', 'digital_audio'];
    const rows: string[][] = [header];
    for (let p = 0; p < PRODUCTS; p++) {
      const slug = `bulk-${RUN}-${p}`;
      for (const [i, format] of formats.entries()) {
        rows.push(
          row({
            slug,
            title: `Bulk Album ${p} "${RUN}", vol. ${p % 7}`,
            original_title: p % 5 === 0 ? `批量专辑 ${p}` : '',
            description: `Line one of ${p}\nline two, with a comma`,
            release_date: `20${String(p % 25).padStart(2, '0')}-0${(p % 9) + 1}-15`,
            genres: p % 3 === 0 ? 'jazz;rock' : 'pop',
            sku: `BULK-${SKU_RUN}-${p}-${i}`,
            format,
            price: `${5 + (p % 40)}.${String(p % 100).padStart(2, '0')}`,
            digital: format === 'digital_audio' ? 'true' : 'false',
            stock: format === 'digital_audio' ? '0' : String(p % 4),
            barcode: String(4_000_000_000_000 + p * 10 + i),
          }),
        );
      }
    }
    const text = serializeCsv(rows, { bom: true });
    const productsBefore = await count(sql`select count(*)::int as n from products`);
    const started = performance.now();
    const result = await importText(text, 500);
    const seconds = (performance.now() - started) / 1000;
    console.log(`10,000-row import (dry run + ${result.applied.length} batches): ${seconds.toFixed(1)} s`);
    expect(result.preview.errors).toEqual([]);
    expect(result.preview.counts).toMatchObject({
      rows: 10_000,
      products: { create: PRODUCTS },
      editions: { create: 10_000 },
    });
    expect(result.errors).toEqual([]);
    expect(result.created).toEqual({ products: PRODUCTS, editions: 10_000 });
    expect(await count(sql`select count(*)::int as n from products`)).toBe(productsBefore + PRODUCTS);
    expect(await count(sql`select count(*)::int as n from editions where sku like ${`BULK-${SKU_RUN}-%`}`)).toBe(
      10_000,
    );
    expect(
      await count(
        sql`select coalesce(sum(e.stock), 0)::int as n from editions e where e.sku like ${`BULK-${SKU_RUN}-%`}`,
      ),
    ).toBe(Array.from({ length: PRODUCTS }, (_, p) => (p % 4) * 3).reduce((a, b) => a + b, 0));
    expect(
      await count(
        sql`select count(*)::int as n from audit_log where action = 'product.import' and after->>'slug' like ${`bulk-${RUN}-%`}`,
      ),
    ).toBe(PRODUCTS);
    const sample = await getProduct(`bulk-${RUN}-1235`);
    // Four editions imported; the shop shows the three physical ones (digital editions are not sold yet).
    expect(sample?.editions.map((e) => e.format).sort()).toEqual(['cassette', 'cd', 'vinyl']);
    const search = await listProducts(readFilters(new URLSearchParams({ q: '批量专辑 1235' })));
    expect(search.items.map((i) => i.slug)).toContain(`bulk-${RUN}-1235`);

    // Importing the same file again changes nothing.
    const again = await importText(text, 2_000);
    expect(again.preview.counts.editions.unchanged).toBe(10_000);
    expect(again.created).toEqual({ products: 0, editions: 0 });
    expect(again.updated).toEqual({ products: 0, editions: 0 });
  }, 600_000);
});
