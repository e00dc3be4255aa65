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

describe('order links', () => {
  it('an order address without a valid key explains how to get a new link, and asks for one by mail', async () => {
    const { page, context } = await newPage(browser);
    // Whether the order exists or not, and with or without a key, the page is the same.
    for (const path of ['/orders/EN-100001', '/orders/EN-100001?key=abc.def', '/orders/EN-999999999']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: 'Open your order' }).waitFor();
    }
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    await page.getByLabel('Email address used for the order').fill('someone@example.com');
    await page.getByRole('button', { name: 'Send a new link' }).click();
    await page.getByRole('status').filter({ hasText: 'a new link is on its way' }).waitFor();
    await context.close();
  });
});
