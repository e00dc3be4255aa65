import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeCsv } from '@/lib/admin/catalog/csv';
import { CSV_COLUMNS } from '@/lib/admin/catalog/csv-columns';
import { launchBrowser, newPage } from './support/browser';
import { ADMIN, signIn, unique } from './support/flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A file of `products` albums with two editions each; the second edition of every tenth has no price. */
function importFile(run: string, products: number): Buffer {
  const row = (values: Partial<Record<(typeof CSV_COLUMNS)[number], string>>) =>
    CSV_COLUMNS.map((column) => values[column] ?? '');
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (let p = 0; p < products; p++) {
    for (const [e, format] of ['cd', 'vinyl'].entries()) {
      rows.push(
        row({
          slug: `${run}-${p}`,
          kind: 'album',
          title: `Imported ${run} ${p}`,
          status: 'active',
          sku: `${run}-${p}-${format}`.toUpperCase(),
          format,
          currency: 'USD',
          price: p % 10 === 9 && e === 1 ? '' : '12.50',
          edition_status: 'active',
          stock: '3',
        }),
      );
    }
  }
  return Buffer.from(serializeCsv(rows, { bom: true }));
}

describe('CSV import in the back office', () => {
  it('checks a file (errors by line, counted and listed), then imports the good products', async () => {
    const { page, context } = await newPage(browser);
    await signIn(page, ADMIN.email, ADMIN.password, '/admin/products/import');
    const run = unique('csv');
    // 300 products, 600 rows: more than the page lists, and 30 products with a missing price.
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'albums.csv', mimeType: 'text/csv', buffer: importFile(run, 300) });
    await page.getByText('albums.csv: 600 rows').waitFor();
    await page.getByRole('button', { name: '2. Check the file' }).click();
    await page.getByRole('heading', { name: 'What the import would do' }).waitFor();
    await page.getByText('270 to create, 0 to update, 0 unchanged, 30 skipped').waitFor();
    await page.getByRole('heading', { name: 'Errors (30)' }).waitFor();
    await page.getByText('The first 200 of 600.').waitFor();
    const firstError = page.getByRole('table').first().getByRole('row').nth(1);
    await expect(firstError.textContent()).resolves.toContain('21'); // line 21: the 10th product's vinyl

    await page.getByRole('button', { name: '3. Import 270 products' }).click();
    await page.getByText('Import finished. The store and search show the changes now.').waitFor({ timeout: 60_000 });
    await page.getByText('270 created, 0 updated, 0 unchanged, 30 skipped').first().waitFor();
    const created = await page.request.get(`/api/v1/products/${run}-0`);
    expect(created.status()).toBe(200);
    expect((await page.request.get(`/api/v1/products/${run}-9`)).status()).toBe(404);
    await context.close();
  });
});
