import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { ADMIN, registerShopper, signIn, unique } from './support/flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type ApiProduct = { title: string; editions: { format: string; stock: number }[] };

async function productFromApi(page: Page, slug: string): Promise<ApiProduct> {
  const response = await page.request.get(`/api/v1/products/${slug}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ApiProduct;
}

const stockOf = async (page: Page, slug: string, format: string) =>
  (await productFromApi(page, slug)).editions.find((e) => e.format === format)!.stock;

/** Waits until React has hydrated the page (it tags the DOM nodes it owns), so forms are React's. */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return main !== null && Object.keys(main).some((key) => key.startsWith('__reactFiber'));
  });
}

async function open(page: Page, path: string) {
  await page.goto(path);
  await hydrated(page);
}

/** A real 600×600 PNG, made here (nothing is fetched). */
function coverPng(): Promise<Buffer> {
  return sharp({ create: { width: 600, height: 600, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .png()
    .toBuffer();
}

async function fillEdition(
  page: Page,
  number: number,
  values: { format: string; sku: string; price: string; stock: string },
) {
  const edition = page.getByRole('group', { name: new RegExp(`^Edition ${number}:`) });
  await edition.getByLabel('Format', { exact: true }).selectOption({ label: values.format });
  await edition.getByLabel('SKU', { exact: true }).fill(values.sku);
  await edition.getByLabel(/^Price/).fill(values.price);
  await edition.getByLabel('Status', { exact: true }).selectOption('active');
  await edition.getByLabel('Initial stock', { exact: true }).fill(values.stock);
}

describe('back office', () => {
  it('admin creates a product with two editions and an image → store and search → bought → shipped → returned → refunded', async () => {
    const suffix = unique('');
    const title = `Tidal Atlas ${suffix}`;
    const slug = `tidal-atlas-${suffix}`;

    // The admin creates the product.
    const admin = await newPage(browser);
    await signIn(admin.page, ADMIN.email, ADMIN.password, '/admin/products/new');
    // The editor derives the slug as the title is typed: type once it has hydrated.
    await hydrated(admin.page);
    const details = admin.page.getByRole('region', { name: 'Details' });
    await details.getByLabel('Title', { exact: true }).fill(title);
    await details.getByLabel('Kind', { exact: true }).selectOption('album');
    await expect(details.getByLabel('Slug (URL)').inputValue()).resolves.toBe(slug);
    await details.getByLabel('Label', { exact: true }).fill('Harbour Lights Records');
    await details
      .getByLabel('Description', { exact: true })
      .fill('Field recordings of tides, mixed into slow electronic pieces.');

    await admin.page.getByRole('button', { name: 'Add an edition' }).click();
    await fillEdition(admin.page, 1, { format: 'CD', sku: `TA-CD-${suffix}`, price: '59.99', stock: '5' });
    await admin.page.getByRole('button', { name: 'Add an edition' }).click();
    await fillEdition(admin.page, 2, { format: 'Vinyl', sku: `TA-LP-${suffix}`, price: '74.00', stock: '3' });

    const chooser = admin.page.waitForEvent('filechooser');
    await admin.page.getByRole('button', { name: 'Upload a cover' }).click();
    await (await chooser).setFiles({ name: 'cover.png', mimeType: 'image/png', buffer: await coverPng() });
    await admin.page.getByRole('img', { name: 'Current cover' }).waitFor();

    await details.getByLabel('Status', { exact: true }).selectOption('active');
    await admin.page.getByRole('button', { name: 'Create the product' }).click();
    // The message can briefly exist twice while the form gives way to the product's page.
    await admin.page.getByText('Product created.').filter({ visible: true }).first().waitFor();
    await admin.page.waitForURL(/\/admin\/products\/\d+/);

    // The store shows it at once, with its WebP cover, and search finds it.
    const shopper = await newPage(browser);
    await shopper.page.goto(`/products/${slug}`);
    await shopper.page.getByRole('heading', { level: 1, name: title }).waitFor();
    const cover = shopper.page.locator('main img[src*="/uploads/"]').first();
    const coverSrc = await cover.getAttribute('src');
    expect(coverSrc).toMatch(/\.webp$/);
    const image = await shopper.page.request.get(coverSrc!);
    expect(image.status()).toBe(200);
    expect(image.headers()['content-type']).toBe('image/webp');
    await shopper.page.goto(`/search?q=${encodeURIComponent(title)}`);
    await shopper.page.getByRole('link', { name: title }).first().waitFor();

    // A shopper registers and buys the CD.
    const username = unique('fan');
    await registerShopper(shopper.page, {
      username,
      email: `${username}@example.com`,
      password: 'a returning passphrase',
    });
    await open(shopper.page, `/products/${slug}`);
    await shopper.page
      .getByRole('listitem')
      .filter({ has: shopper.page.getByRole('heading', { name: /^CD/ }) })
      .getByRole('button', { name: 'Add to cart' })
      .click();
    await shopper.page.getByText('Added to your cart').waitFor();
    await open(shopper.page, '/checkout');
    await shopper.page.getByLabel('Full name').fill('Grace Listener');
    await shopper.page.getByLabel('Address', { exact: true }).fill('2 Quay Road');
    await shopper.page.getByLabel('City').fill('Bristol');
    await shopper.page.getByLabel('Postal code').fill('BS1 4QA');
    await shopper.page.getByLabel('Country or region').selectOption('GB');
    await shopper.page.getByRole('button', { name: /Place order/ }).click();
    await shopper.page.waitForURL(/\/pay\/EN-\d+/);
    const number = /EN-\d+/.exec(shopper.page.url())![0];
    await shopper.page.getByRole('button', { name: /^Pay / }).click();
    await shopper.page.waitForURL(new RegExp(`/orders/${number}`));
    expect(await stockOf(shopper.page, slug, 'cd')).toBe(4);

    // The admin ships it with a tracking number, then marks it delivered.
    const tracking = `1Z999AA1${Date.now().toString().slice(-8)}`;
    await open(admin.page, `/admin/orders/${number}`);
    await admin.page.getByRole('heading', { name: `Order ${number}` }).waitFor();
    await admin.page.getByLabel('Carrier', { exact: true }).selectOption('ups');
    await admin.page.getByLabel('Tracking number').fill(tracking);
    await admin.page.getByRole('button', { name: 'Mark as shipped' }).click();
    await admin.page.getByText('Marked as shipped; the customer was told.').waitFor();
    await admin.page.getByRole('button', { name: 'Mark as delivered' }).click();
    await admin.page.getByText('Marked as delivered.').waitFor();

    // The shopper sees the tracking number and asks to return the CD.
    await open(shopper.page, `/orders/${number}`);
    await shopper.page.getByText(tracking).first().waitFor();
    await shopper.page.getByRole('button', { name: 'Request a return' }).click();
    await shopper.page.getByLabel(`How many of ${title} to return`).selectOption('1');
    await shopper.page.getByLabel('Why are you returning it?').fill('The disc skips on track 3.');
    await shopper.page.getByRole('button', { name: 'Send return request' }).click();
    await shopper.page.getByText('Return requested').first().waitFor();

    // The admin approves it, receives the parcel and refunds.
    await open(admin.page, `/admin/orders/${number}`);
    await admin.page
      .getByRole('link', { name: /^Return R-\d+/ })
      .first()
      .click();
    await admin.page.waitForURL(/\/admin\/returns\/\d+/);
    await admin.page.getByRole('button', { name: 'Approve return' }).click();
    await admin.page.getByText('Approved; the customer has the instructions.').waitFor();
    await admin.page.getByRole('button', { name: 'Mark received and refund' }).click();
    await admin.page.getByText('Received; stock updated and the refund sent.').waitFor();

    // Stock is back, and the order, refunded in full, says so to both.
    expect(await stockOf(shopper.page, slug, 'cd')).toBe(5);
    expect(await stockOf(shopper.page, slug, 'vinyl')).toBe(3);
    await open(admin.page, `/admin/orders/${number}`);
    await admin.page.getByText('Refunded', { exact: true }).first().waitFor();
    await open(shopper.page, `/orders/${number}`);
    await shopper.page.getByText('Return received').first().waitFor();
    await shopper.page.getByText('Refunded', { exact: true }).first().waitFor();
  });
});
