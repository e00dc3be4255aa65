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

describe('storefront', () => {
  it('home → browse with two facets → product → search with a typo → Chinese', async () => {
    const { page, context } = await newPage(browser);
    await page.goto('/');
    // Waited for, not checked at once: React may reveal streamed content just after the load event.
    await page.getByRole('heading', { level: 2, name: 'New releases' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Coming soon' }).waitFor();

    // Browse music, then narrow by two facets; every filter lands in the URL.
    await page.getByRole('navigation', { name: 'Store sections' }).getByRole('link', { name: 'Music' }).click();
    await page.waitForURL('**/music');
    await page.getByRole('heading', { level: 1, name: 'Music' }).waitFor();
    const filters = page.getByRole('navigation', { name: 'Filters' });
    await filters.getByRole('link', { name: /^Vinyl\s*\d+$/ }).click();
    await page.waitForURL(/\/music\/format=vinyl$/);
    await filters.getByRole('link', { name: /Vinyl \(selected\)/ }).waitFor();
    await filters.getByRole('link', { name: /^Electronic\s*\d+$/ }).click();
    await page.waitForURL(/\/music\/format=vinyl\/genre=electronic$/);
    await filters.getByRole('link', { name: /Electronic \(selected\)/ }).waitFor();
    await expect(filters.getByRole('link', { name: /Vinyl \(selected\)/ }).count()).resolves.toBe(1);
    const count = await page
      .getByText(/^\d+ products?$/)
      .filter({ visible: true })
      .textContent();
    expect(Number.parseInt(count ?? '0', 10)).toBeGreaterThan(0);

    // Open the first result, then come back with Back: the filters are still there.
    const firstCard = page.getByRole('main').getByRole('article').first();
    const title = (await firstCard.getByRole('heading', { level: 3 }).textContent())!.trim();
    await firstCard.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await expect(page.getByRole('heading', { level: 2, name: /editions?$/ }).isVisible()).resolves.toBe(true);
    await expect(
      page
        .getByText(/^Vinyl$/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.goBack();
    await page.waitForURL(/\/music\/format=vinyl\/genre=electronic$/);

    // A misspelt search still finds the album, and offers the correction.
    const search = page.getByRole('combobox', { name: 'Search the store' });
    await search.fill('neon harbur');
    await search.press('Enter');
    await page.waitForURL(/\/search\?q=neon(%20|\+)harbur/);
    await page.getByRole('link', { name: 'Neon Harbour', exact: true }).first().waitFor();
    await page.getByRole('link', { name: 'Neon Harbour', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Neon Harbour' }).waitFor();
    const article = page.getByRole('article', { name: 'Neon Harbour' });
    const jsonLd = await article.locator('script[type="application/ld+json"]').textContent();
    expect(JSON.parse(jsonLd ?? '{}')['@type']).toBe('MusicAlbum');
    await expect(page.getByRole('button', { name: /^Play a preview of/ }).count()).resolves.toBeGreaterThan(0);

    // Switch to Chinese: the same page, now in Simplified Chinese, and the choice sticks.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await page.getByRole('navigation', { name: '商店分区' }).getByRole('link', { name: '音乐' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Neon Harbour' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.goto('/music');
    await page.getByRole('heading', { level: 1, name: '音乐' }).waitFor();
    await context.close();
  });

  it('finds a title by its Chinese name and works on a phone', async () => {
    const { page, context } = await newPage(browser, { viewport: { width: 390, height: 844 } });
    await page.goto('/search?q=' + encodeURIComponent('小夜曲'));
    await page.getByRole('link', { name: 'Moonlight Serenade', exact: true }).first().waitFor();
    // On a phone the filters fold away behind a button.
    const toggle = page.getByRole('button', { name: 'Filters' });
    await expect(page.getByRole('navigation', { name: 'Filters' }).isVisible()).resolves.toBe(false);
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByRole('navigation', { name: 'Filters' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('shows cached catalog pages whole, also without JavaScript', async () => {
    const { page, context } = await newPage(browser, { javaScript: false });
    // Served from the cache, a page is its content, not a skeleton that a script swaps for it. (The
    // first request for a path that was not built streams it in; the warm-up requests make sure.)
    for (const path of ['/products/neon-harbour', '/music/format=vinyl']) await context.request.get(path);
    await page.goto('/products/neon-harbour');
    await expect(page.getByRole('heading', { level: 1, name: 'Neon Harbour' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: 'Tracklist' }).isVisible()).resolves.toBe(true);
    await page.goto('/music/format=vinyl');
    await expect(page.getByRole('heading', { level: 1, name: 'Music' }).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('navigation', { name: 'Filters' }).isVisible()).resolves.toBe(true);
    await context.close();
  });

  it('plays a film’s trailer', async () => {
    const { page, context } = await newPage(browser);
    await page.goto('/products/the-cartographers-daughter');
    const trailer = page.getByLabel("Trailer of The Cartographer's Daughter");
    await trailer.waitFor();
    const src = (await trailer.getAttribute('src'))!;
    const response = await context.request.get(src);
    expect([response.status(), response.headers()['content-type']]).toEqual([200, 'video/webm']);
    // The browser can decode it: loading its metadata gives the clip's length.
    const seconds = await trailer.evaluate(
      (video: HTMLVideoElement) =>
        new Promise<number>((resolve, reject) => {
          video.addEventListener('loadedmetadata', () => resolve(video.duration), { once: true });
          video.addEventListener('error', () => reject(new Error(`video error ${video.error?.code}`)), { once: true });
          video.preload = 'metadata';
          video.load();
        }),
    );
    expect(Math.round(seconds)).toBe(8);
    await context.close();
  });

  it('answers odd queries and unknown pages normally', async () => {
    const { page, context } = await newPage(browser);
    for (const q of ['', "'; drop table products; --", 'x'.repeat(10_000), '\u0000\u0001\u0007']) {
      const response = await page.goto('/search?q=' + encodeURIComponent(q));
      expect(response?.status()).toBe(200);
    }
    // An unknown product shows the not-found page, a real 404 from the first request on (the proxy
    // sends it to the prerendered 404 page, lib/catalog/known.ts), and is never indexed.
    const first = await page.goto('/products/no-such-album');
    expect(first?.status()).toBe(404);
    await page.getByRole('heading', { name: "We couldn't find that page" }).waitFor();
    await expect(page.locator('meta[name="robots"][content*="noindex"]').count()).resolves.toBeGreaterThan(0);
    const again = await page.goto('/products/no-such-album');
    expect(again?.status()).toBe(404);
    expect((await page.goto('/music/genre=no-such-genre'))?.status()).toBe(404);
    const unknownPath = await page.goto('/no/such/page');
    expect(unknownPath?.status()).toBe(404);
    await context.close();
  });
});
