import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SHOPPER = { login: 'shopper@encore.test', password: 'encore-shopper-demo' };

describe('the shopper forms without JavaScript', () => {
  it('sign in (a wrong password first) → add to cart → change the quantity → check out → pay with the demo provider', async () => {
    const { page, context } = await newPage(browser, { javaScript: false });
    const next = '/products/neon-harbour';

    // Sign in: the form posts to next-auth; a wrong password comes back to the form with the error.
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await page.getByLabel('Email or username').fill(SHOPPER.login);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('form [role=alert]').getByText('do not match an account').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.getByLabel('Email or username').fill(SHOPPER.login);
    await page.getByLabel('Password').fill(SHOPPER.password);
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
    const quantity = page.getByLabel('Quantity of Neon Harbour');
    await expect(quantity.inputValue()).resolves.toBe('1');
    await quantity.selectOption('2');
    await page.getByRole('button', { name: 'Update the quantity of Neon Harbour' }).click();
    await page.waitForLoadState();
    await expect(page.getByLabel('Quantity of Neon Harbour').inputValue()).resolves.toBe('2');

    // Checkout with the saved address, then the demo payment page.
    await page.getByRole('link', { name: 'Check out' }).last().click();
    await page.waitForURL('**/checkout');
    // Signed in: the confirmation goes to the shopper's address, and the saved address is offered.
    await page.getByText(/shopper@encore\.test/).waitFor();
    await expect(page.getByRole('radio', { name: /42 Vinyl Lane/ }).isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Full name').isVisible()).resolves.toBe(false);
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
  });
});
