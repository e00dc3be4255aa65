import type { Browser } from 'playwright-core';
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

describe('the shopper forms without JavaScript', () => {
  it('sign in (a wrong password first) → add to cart → change the quantity → check out → pay with the demo provider', async () => {
    // An account to sign in to (registering follows a mailed link, made in a browser with JavaScript).
    const other = await newPage(browser);
    const username = unique('nojs');
    const shopper = { login: username, email: `${username}@example.com`, password: 'a script-free passphrase' };
    await registerShopper(other.page, { username, email: shopper.email, password: shopper.password });
    await other.context.close();

    const { page, context } = await newPage(browser, { javaScript: false });
    const next = '/products/neon-harbour';

    // Sign in: the form posts to next-auth; a wrong password comes back to the form with the error.
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email or username').fill(shopper.login);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('form [role=alert]').getByText('do not match an account').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email or username').fill(shopper.login);
    await page.getByLabel('Password').fill(shopper.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === next);

    // Add to cart: the page comes back saying so.
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Vinyl/ }) })
      .getByRole('button', { name: 'Add to cart' })
      .click();
    await page.getByText('Added to your cart.').waitFor();

    // The cart: a new quantity is sent with the Update button.
    await page.goto('/cart');
    const quantity = page.getByLabel('Quantity of Neon Harbour', { exact: true });
    await expect(quantity.inputValue()).resolves.toBe('1');
    await quantity.selectOption('2');
    await page.getByRole('button', { name: 'Update the quantity of Neon Harbour' }).click();
    await page.locator('select[name=quantity] option[value="2"][selected]').waitFor({ state: 'attached' });
    await expect(page.getByLabel('Quantity of Neon Harbour', { exact: true }).inputValue()).resolves.toBe('2');

    // Checkout with a new address, then the demo payment page.
    await page.getByRole('link', { name: 'Check out' }).last().click();
    await page.waitForURL('**/checkout');
    // Signed in: the confirmation goes to the shopper's address.
    await page.getByText(`We will send the confirmation to ${shopper.email}.`).waitFor();
    await page.getByLabel('Full name').fill('Nora Script');
    await page.getByLabel('Address', { exact: true }).fill('7 Quiet Lane');
    await page.getByLabel('City').fill('Portsmouth');
    await page.getByLabel('Postal code').fill('PO1 1AA');
    await page.getByLabel('Country or region').selectOption('GB');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForURL(/\/pay\/EN-\d+/);
    const number = /EN-\d+/.exec(page.url())![0];
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(new RegExp(`/orders/${number}`));
    await page.getByText('Payment received').waitFor();
    await page.getByText('Paid', { exact: true }).first().waitFor();
    await page
      .getByText(/Neon Harbour/)
      .first()
      .waitFor();

    await context.close();
  }, 300_000);
});
