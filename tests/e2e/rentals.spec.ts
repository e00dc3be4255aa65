import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { ADMIN, registerShopper, signIn, unique } from './support/flows';

/**
 * A rental from the shop to the desk and back, in Chromium against the production server: the
 * server's rental clock (lib/clock.ts) is moved forward through TEST_CLOCK_FILE, which scripts/e2e.ts
 * gives the server and these tests.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
const SLUG = 'the-cartographers-daughter';
const TITLE = "The Cartographer's Daughter";

/** A message key shown instead of its words (a client component whose namespace the page did not send). */
const RAW_KEY = /\b(RentalKeep|rentalWaitlist|rentals|accountRentals|admin)\.[a-z][A-Za-z]*\.?[A-Za-z]*/;

async function expectNoRawKeys(page: Page) {
  expect(await page.locator('main').innerText()).not.toMatch(RAW_KEY);
}

function moveClock(days: number) {
  const file = process.env.TEST_CLOCK_FILE;
  if (!file) throw new Error('TEST_CLOCK_FILE is not set: run the e2e tests with `npm run test:e2e`.');
  fs.writeFileSync(file, String(days * DAY_MS));
}

/** An amount as shown ("£12.34", "12.34 €"): in minor units. */
function minor(text: string): number {
  const match = /(\d+)[.,](\d{2})/.exec(text);
  if (!match) throw new Error(`no amount in "${text}"`);
  return Number(match[1]) * 100 + Number(match[2]);
}

async function textOf(page: Page, pattern: RegExp): Promise<string> {
  const locator = page.getByText(pattern).first();
  await locator.waitFor();
  return (await locator.textContent()) ?? '';
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  moveClock(0);
  await browser?.close();
});

describe('rentals', () => {
  it('a shopper rents a Blu-ray → the desk dispatches it → the due date passes → check-in keeps the late fee and refunds the rest', async () => {
    const { page } = await newPage(browser);
    const username = unique('renter');
    await registerShopper(page, { username, email: `${username}@example.com`, password: 'a renting passphrase' });

    // The offer states fee, deposit and late fee before anything is added.
    await page.goto(`/products/${SLUG}`);
    const offer = page.getByRole('form', { name: /^Rent Blu-ray/ });
    await offer.getByText('Deposit').waitFor();
    const deposit = minor((await offer.locator('dd').nth(1).textContent()) ?? '');
    const perDay = minor((await offer.locator('dd').nth(2).textContent()) ?? '');
    await offer.getByRole('button', { name: /^Rent for 7 days/ }).click();
    await offer.getByText('Rental added to your cart.').waitFor();

    await page.goto('/cart');
    await page
      .getByText(/rental · 7 days/i)
      .first()
      .waitFor();
    await page.getByRole('link', { name: 'Check out' }).last().click();
    await page.waitForURL('**/checkout');
    await page.getByLabel('Full name').fill('Rita Renter');
    await page.getByLabel('Address', { exact: true }).fill('7 Reel Street');
    await page.getByLabel('City').fill('Bristol');
    await page.getByLabel('Postal code').fill('BS1 4DJ');
    await page.getByLabel('Country or region').selectOption('GB');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForURL(/\/pay\/EN-\d+/);
    const number = /EN-\d+/.exec(page.url())![0];
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.waitForURL(new RegExp(`/orders/${number}`));
    await page.getByText('Paid', { exact: true }).first().waitFor();

    await page.goto('/account/rentals');
    await page.getByText('Awaiting dispatch').first().waitFor();

    // The desk sends it: the period starts now.
    const desk = await newPage(browser);
    await signIn(desk.page, ADMIN.email, ADMIN.password, '/admin/rentals');
    const row = desk.page.getByRole('row').filter({ hasText: number });
    const dispatch = row.getByRole('button', { name: /^Mark .+ dispatched$/ });
    const label = (await dispatch.getAttribute('aria-label')) ?? (await dispatch.textContent()) ?? '';
    const code = /\((R-[A-Z0-9-]+)\) dispatched$/.exec(label)![1]!;
    await dispatch.click();
    const dispatched = await textOf(desk.page, /dispatched: due back by/);
    const due = /due back by (.+)\.$/.exec(dispatched.trim())![1]!;

    await page.reload();
    await page.getByText(`Due back by ${due}`).waitFor();
    await page.getByText('7 days left.').waitFor();
    // "Keep it" is offered while it is out (a client form: its words must reach the browser).
    await page.getByText(/^Keep it for /).waitFor();
    await expectNoRawKeys(page);

    // Ten days later the disc comes back: three days late (four if midnight passed during the test).
    moveClock(10);
    await page.reload();
    await page.getByText('Overdue').first().waitFor();
    await desk.page.goto('/admin/rentals?view=overdue');
    await desk.page.getByText('Mark lost', { exact: true }).first().waitFor();
    await expectNoRawKeys(desk.page);
    await desk.page.getByLabel('Copy code').fill(code.toLowerCase());
    await desk.page.getByLabel('Copy code').press('Enter');
    await textOf(desk.page, new RegExp(`Checked in: ${TITLE} \\(${code}\\)`));
    const late = Number(/(\d+) days? late/.exec(await textOf(desk.page, /\d+ days? late\./))![1]);
    expect([3, 4]).toContain(late);
    const lateFee = Math.min(late * perDay, deposit);
    expect(minor(await textOf(desk.page, /^Late fee kept:/))).toBe(lateFee);
    expect(minor(await textOf(desk.page, /^Deposit refunded:/))).toBe(deposit - lateFee);

    // Checking the same code in again changes nothing.
    await desk.page.getByLabel('Copy code').fill(code);
    await desk.page.getByLabel('Copy code').press('Enter');
    await desk.page.getByText(/this copy has already been checked in/).waitFor();

    // The shopper sees it all on their account.
    await page.reload();
    await page.getByText('Returned', { exact: true }).first().waitFor();
    const settled = await textOf(page, /^Late fee kept:/);
    expect(settled).toMatch(/Deposit refunded:/);
    const [kept, refunded] = settled.split('Deposit refunded:').map(minor);
    expect(kept).toBe(lateFee);
    expect(refunded).toBe(deposit - lateFee);
    await desk.context.close();
  });
});
