import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { registerShopper, unique } from './support/flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function stockOf(page: Page, slug: string, format: string): Promise<number> {
  const response = await page.request.get(`/api/v1/products/${slug}`);
  const product = (await response.json()) as { editions: { format: string; stock: number }[] };
  return product.editions.find((e) => e.format === format)!.stock;
}

async function addEdition(page: Page, slug: string, heading: RegExp) {
  await page.goto(`/products/${slug}`);
  await page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: heading }) })
    .getByRole('button', { name: /Add to cart|Pre-order/ })
    .click();
  await page.getByText(/Added to your cart|available: your cart now holds/).waitFor();
}

describe('checkout', () => {
  it('guest adds two editions → signs in (cart merges) → pays with the demo provider → history → cancels → stock is back', async () => {
    const { page } = await newPage(browser);
    const vinylBefore = await stockOf(page, 'neon-harbour', 'vinyl');

    // An account to sign in to later (made in another browser, so this one stays a guest).
    const other = await newPage(browser);
    const username = unique('buyer');
    await registerShopper(other.page, {
      username,
      email: `${username}@example.com`,
      password: 'a buying passphrase',
    });
    await other.context.close();

    await addEdition(page, 'neon-harbour', /^Vinyl/);
    await addEdition(page, 'the-cartographers-daughter', /^Blu-ray/);
    await page.goto('/cart');
    await expect(page.getByRole('list', { name: 'Items in your cart' }).getByRole('listitem').count()).resolves.toBe(2);

    await page.goto('/login?next=%2Fcart');
    await page.getByLabel('Email or username').fill(username);
    await page.getByLabel('Password').fill('a buying passphrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/cart');
    // The guest cart came along.
    await page.getByRole('link', { name: 'Neon Harbour' }).waitFor();
    await page.getByRole('link', { name: "The Cartographer's Daughter" }).waitFor();

    await page.getByRole('link', { name: 'Check out' }).last().click();
    await page.waitForURL('**/checkout');
    await page.getByLabel('Full name').fill('Ada Buyer');
    await page.getByLabel('Address', { exact: true }).fill('1 Harbour Street');
    await page.getByLabel('City').fill('Portsmouth');
    await page.getByLabel('Postal code').fill('PO1 1AA');
    await page.getByLabel('Country or region').selectOption('GB');
    await page.getByRole('button', { name: /Place order/ }).dblclick();
    await page.waitForURL(/\/pay\/EN-\d+/);
    const number = /EN-\d+/.exec(page.url())![0];
    expect(await stockOf(page, 'neon-harbour', 'vinyl')).toBe(vinylBefore - 1);

    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(new RegExp(`/orders/${number}`));
    await page.getByText('Paid', { exact: true }).first().waitFor();
    await page.getByText('Payment received').waitFor();

    await page.goto('/account/orders');
    await page.getByRole('link', { name: `View order ${number}` }).click();
    await page.waitForURL(new RegExp(`/orders/${number}`));
    await page.getByRole('button', { name: 'Cancel order' }).click();
    await page.getByRole('button', { name: 'Yes, cancel it' }).click();
    await page.getByText('Cancelled', { exact: true }).first().waitFor();
    await page.getByText('Refunded', { exact: true }).first().waitFor();
    expect(await stockOf(page, 'neon-harbour', 'vinyl')).toBe(vinylBefore);

    // One order for the double click.
    await page.goto('/account/orders');
    await page.getByRole('link', { name: `View order ${number}` }).waitFor();
    await expect(page.getByRole('link', { name: /^View order/ }).count()).resolves.toBe(1);
  });
});
