import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage } from './support/browser';
import { registerShopper, unique } from './support/flows';
import { first } from '@/tests/support/lists';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** A product with an edition in stock, from the public API. */
async function someProduct(): Promise<{ slug: string; title: string }> {
  const response = await fetch(new URL('/api/v1/products?kind=album&avail=in_stock&sort=title&pageSize=1', baseUrl()));
  const { items } = (await response.json()) as { items: { slug: string; title: string }[] };
  return first(items, 'an album in stock');
}

describe('reviews and wishlist', () => {
  it('visitor → sign-in links; shopper → wishlist, review (hostile text stays text), edit, /account/wishlist', async () => {
    const product = await someProduct();
    const { page } = await newPage(browser);
    await page.goto(`/products/${product.slug}`);
    await page.getByRole('heading', { level: 2, name: 'Ratings and reviews' }).waitFor();
    const signInToReview = page.getByRole('link', { name: 'Sign in to write a review' });
    await signInToReview.waitFor();
    expect(await signInToReview.getAttribute('href')).toBe(
      `/login?next=${encodeURIComponent(`/products/${product.slug}`)}`,
    );
    await page.getByRole('link', { name: 'Sign in to save to your wishlist' }).waitFor();

    const username = unique('rw');
    await registerShopper(
      page,
      { username, email: `${username}@example.com`, password: 'a reviewing e2e passphrase' },
      `/products/${product.slug}`,
    );

    const wish = page.getByRole('button', { name: 'Save to wishlist' });
    await wish.waitFor();
    expect(await wish.getAttribute('aria-pressed')).toBe('false');
    await wish.click();
    await page.getByText('Saved to your wishlist.').waitFor();
    expect(await wish.getAttribute('aria-pressed')).toBe('true');

    await page.getByRole('button', { name: 'Write a review' }).click();
    await page.getByRole('button', { name: 'Publish review' }).click();
    await page.getByText('Choose a rating from 1 to 5 stars.').waitFor();
    // The stars are a radio group: arrow keys choose.
    await page.getByRole('radio', { name: '1 star', exact: true }).focus();
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('radio', { name: '4 stars' }).isChecked()).toBe(true);
    const title = `<b>${username}</b>`;
    await page.getByLabel('Title (optional)').fill(title);
    await page
      .getByLabel('Your review')
      .fill('Great record.\n<script>window.__pwned = 1</script>\n<img src=x onerror="window.__pwned = 2">');
    await page.getByRole('button', { name: 'Publish review' }).click();
    await page.getByText('Thank you! Your review is published.').waitFor();

    await page.reload();
    const article = page.getByRole('article', { name: title });
    await article.waitFor();
    await article.getByText('<script>window.__pwned = 1</script>', { exact: false }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned ?? null)).toBeNull();
    expect(await article.locator('img, script, b').count()).toBe(0);
    await article.getByRole('img', { name: '4 out of 5 stars' }).waitFor();

    await page.getByRole('button', { name: 'Edit your review' }).click();
    await page.getByRole('radio', { name: '5 stars' }).check({ force: true });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Your review was updated.').waitFor();
    await page.getByText('You rated it 5 out of 5 stars.').waitFor();

    await page.goto('/account/wishlist');
    await page.getByRole('heading', { level: 1, name: 'Wishlist' }).waitFor();
    await page.getByRole('link', { name: product.title, exact: true }).waitFor();
    await page.getByRole('button', { name: `Remove ${product.title} from your wishlist` }).click();
    await page.getByText('Your wishlist is empty.').waitFor();
    await page.goto(`/products/${product.slug}`);
    expect(await page.getByRole('button', { name: 'Save to wishlist' }).getAttribute('aria-pressed')).toBe('false');
  });
});
