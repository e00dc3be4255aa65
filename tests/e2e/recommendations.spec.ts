import type { Browser, Locator, Page } from 'playwright-core';
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

/**
 * The home page's "for you" rail, after reloading until `ready` holds: a view is recorded just
 * after the product page's beacon is answered, so the next home page may be a moment early. The
 * rails stream in after the static page, and React reveals streamed content in batches, possibly
 * after the load event: each attempt gives them a moment to appear.
 */
async function forYouRail(page: Page, heading: string, ready: (rail: Locator) => Promise<boolean>): Promise<Locator> {
  for (let attempt = 0; attempt < 10; attempt++) {
    await page.goto('/');
    const rail = page.getByRole('region', { name: heading });
    const shown = await rail
      .first()
      .waitFor({ timeout: 2000 })
      .then(() => true)
      .catch(() => false);
    if (shown && (await ready(rail))) return rail;
    await page.waitForTimeout(500);
  }
  throw new Error(`The home page never showed "${heading}" as expected`);
}

describe('recommendations', () => {
  it('a shopper views and buys; the home page follows, explains itself, and can be switched off', async () => {
    const { page } = await newPage(browser);
    const username = unique('recs');
    await registerShopper(page, {
      username,
      email: `${username}@example.com`,
      password: 'a recommending passphrase',
    });

    // A new shopper: what is popular, each card saying so.
    const cold = await forYouRail(page, 'Popular right now', async () => true);
    await cold
      .getByText(/^(Popular|Trending) in /)
      .first()
      .waitFor();

    // They look at an album: "because you viewed" appears.
    // The view is sent by the page's beacon once it has hydrated: wait for it before leaving.
    const beacon = page.waitForResponse((response) => response.url().endsWith('/api/v1/events/view'));
    await page.goto('/products/neon-harbour');
    await page.getByRole('heading', { level: 1, name: 'Neon Harbour' }).waitFor();
    expect((await beacon).status()).toBe(202);
    const viewed = await forYouRail(page, 'Recommended for you', async (rail) =>
      rail.getByText('Because you viewed Neon Harbour').first().isVisible(),
    );
    expect(await viewed.getByRole('link', { name: 'Neon Harbour', exact: true }).count()).toBe(0);
    await page.getByRole('region', { name: 'Because you viewed Neon Harbour' }).waitFor();

    // They buy a film: their recommendations now follow the purchase, and never offer it again.
    await page.goto('/products/the-cartographers-daughter');
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Blu-ray/ }) })
      .getByRole('button', { name: /Add to cart|Pre-order/ })
      .click();
    await page.getByText(/Added to your cart|available: your cart now holds/).waitFor();
    await page.goto('/checkout');
    await page.getByLabel('Full name').fill('Rec Buyer');
    await page.getByLabel('Address', { exact: true }).fill('2 Harbour Street');
    await page.getByLabel('City').fill('Portsmouth');
    await page.getByLabel('Postal code').fill('PO1 1AB');
    await page.getByLabel('Country or region').selectOption('GB');
    await page.getByRole('button', { name: /Place order/ }).click();
    await page.waitForURL(/\/pay\/EN-\d+/);
    await page.getByRole('button', { name: /^Pay / }).click();
    await page.getByText('Payment received').waitFor();

    const bought = await forYouRail(page, 'Recommended for you', async (rail) =>
      rail.getByText("Because you bought The Cartographer's Daughter").first().isVisible(),
    );
    expect(await bought.getByRole('link', { name: "The Cartographer's Daughter", exact: true }).count()).toBe(0);

    // The same list for other clients, as JSON.
    const api = (await (await page.request.get('/api/v1/recommendations?for=me')).json()) as {
      personal: boolean;
      items: { slug: string; reason: { kind: string } }[];
    };
    expect(api.personal).toBe(true);
    expect(api.items.map((i) => i.slug)).not.toContain('the-cartographers-daughter');
    expect(api.items.some((i) => i.reason.kind === 'because_bought')).toBe(true);

    // Switched off in the account centre: popular items only, and the page says why.
    await page.goto('/account/profile');
    const toggle = page.getByRole('switch', { name: 'Recommend products based on what I view and buy' });
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    await toggle.click();
    await page.getByText('Personalised recommendations are off.').waitFor();
    const off = await forYouRail(page, 'Popular right now', async () => true);
    await off.getByText(/Personalised recommendations are off/).waitFor();
    expect(await off.getByText(/^Because you/).count()).toBe(0);

    await page.goto('/account/profile');
    await page.getByRole('switch', { name: 'Recommend products based on what I view and buy' }).click();
    await page.getByText('Personalised recommendations are on.').waitFor();
    await forYouRail(page, 'Recommended for you', async (rail) =>
      rail
        .getByText(/^Because you bought/)
        .first()
        .isVisible(),
    );
  });

  it('only an admin can rebuild on demand; product pages show their lists', async () => {
    const shopper = await newPage(browser);
    expect((await shopper.page.request.post('/api/admin/recommendations/rebuild')).status()).toBe(401);

    const staff = await newPage(browser);
    await signIn(staff.page, ADMIN.email, ADMIN.password, '/admin');
    const response = await staff.page.request.post('/api/admin/recommendations/rebuild');
    expect(response.status()).toBe(200);
    const body = (await response.json()) as { ran: boolean; summary: { products: number } };
    expect(body.ran).toBe(true);
    expect(body.summary.products).toBeGreaterThan(100);

    await shopper.page.goto('/products/neon-harbour');
    const more = shopper.page.getByRole('region', { name: 'More like this' });
    await more.waitFor();
    expect(await more.getByRole('link').count()).toBeGreaterThan(0);
  });
});
