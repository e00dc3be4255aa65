import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { submitRegistration, unique, verificationLink } from './support/flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the shopper forms without JavaScript', () => {
  it('register → sign in (a wrong password first) → add to cart → change the quantity → check out → pay with the demo provider → review it → the address book', async () => {
    const username = unique('nojs');
    const shopper = { login: username, email: `${username}@example.com`, password: 'a script-free passphrase' };

    // Register: the form posts to its server action and the page says to check the mail; the mailed
    // link's page posts to next-auth, which creates the account, signs it in and goes on to `next`.
    const first = await newPage(browser, { javaScript: false });
    await first.page.goto(`/register?next=${encodeURIComponent('/account')}`);
    await submitRegistration(first.page, { username, email: shopper.email, password: shopper.password });
    await first.page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await first.page.getByText(`We sent a link to ${shopper.email}.`).waitFor();
    await first.page.goto(await verificationLink(shopper.email));
    await first.page.getByRole('button', { name: 'Confirm and sign in' }).click();
    // The account overview, rendered in full (no skeleton waiting for a script).
    await first.page.waitForURL((url) => url.pathname === '/account');
    await first.page.getByRole('heading', { name: `Hello, ${username}` }).waitFor();
    await first.context.close();

    // Another browser without JavaScript signs in to the new account.
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
    // Without a postal code the page comes back with the action's answer: the field's error.
    await page.getByLabel('Full name').fill('Nora Script');
    await page.getByLabel('Address', { exact: true }).fill('7 Quiet Lane');
    await page.getByLabel('City').fill('Portsmouth');
    await page.getByLabel('Country or region').selectOption('GB');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.getByText('Required.').waitFor();
    expect(new URL(page.url()).pathname).toBe('/checkout');
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

    // A review of what was bought: the product page's review form needs its script, so it links to
    // the review's own page, a plain form.
    await page.goto(next);
    await page.getByRole('link', { name: 'Write or edit your review' }).click();
    await page.waitForURL((url) => url.pathname === '/account/reviews/neon-harbour');
    await page.getByRole('heading', { name: 'Your review of Neon Harbour' }).waitFor();
    // The stars are visually hidden radio buttons inside their labels.
    await page.getByRole('radio', { name: '4 stars' }).check({ force: true });
    const title = `Quiet and bright ${username}`;
    await page.getByLabel('Title (optional)').fill(title);
    await page.getByLabel('Your review', { exact: true }).fill('Played it start to finish without a single script.');
    await page.getByRole('button', { name: 'Publish review' }).click();
    await page.getByText('Thank you! Your review is published.').waitFor();
    // The page comes back with the saved review: the button now saves changes.
    await page.getByRole('button', { name: 'Save changes' }).waitFor();
    await page.getByRole('link', { name: 'Back to Neon Harbour' }).click();
    await page.waitForURL((url) => url.pathname === next);
    const published = page.getByRole('article').filter({ hasText: title });
    await published.getByText('Verified purchase').waitFor();

    // The address book (an account page): add an address, and it is listed.
    await page.goto('/account/addresses');
    await page.getByRole('heading', { name: 'Addresses' }).waitFor();
    await page.getByRole('link', { name: 'Add an address' }).click();
    const added = page.getByRole('region', { name: 'New address' });
    await added.getByLabel('Full name').fill('Nora Script');
    await added.getByLabel('Address', { exact: true }).fill('12 Harbour Row');
    await added.getByLabel('City').fill('Southampton');
    await added.getByLabel('Postal code').fill('SO14 2AA');
    await added.getByLabel('Country or region').selectOption('GB');
    await added.getByRole('button', { name: 'Save the address' }).click();
    await page.getByText('The address has been added.').waitFor();
    await page.getByRole('list', { name: 'Saved addresses' }).getByText('12 Harbour Row').waitFor();

    await context.close();
  }, 300_000);
});
