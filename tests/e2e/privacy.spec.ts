import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage } from './support/browser';
import { ADMIN, followVerificationLink, hydrated, signIn, submitRegistration, unique } from './support/flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('personal data', () => {
  it('a shopper downloads their data from /account; staff find them by name and phone although both are encrypted', async () => {
    const shopper = await newPage(browser);
    const page = shopper.page;
    const username = unique('priv');
    const surname = unique('Quillon');
    const phone = `+44 7700 9${String(Date.now()).slice(-5)}`;

    await page.goto('/register');
    await hydrated(page);
    await page.getByLabel('Display name (optional)').fill(`Rosalind ${surname}`);
    await submitRegistration(page, {
      username,
      email: `${username}@example.com`,
      password: 'a private e2e passphrase',
    });
    await followVerificationLink(page, `${username}@example.com`);

    await page.goto('/account/addresses');
    await page.getByLabel('Full name').fill(`Rosalind ${surname}`);
    await page.getByLabel('Address', { exact: true }).fill('12 Lamplighter Row');
    await page.getByLabel('City').fill('Canterbury');
    await page.getByLabel('Postal code').fill('CT1 2AA');
    await page.getByLabel('Country or region').selectOption('GB');
    await page.getByLabel('Phone (optional)').fill(phone);
    await page.getByRole('button', { name: 'Save the address' }).click();
    await page.getByText('The address has been added.').waitFor();

    await page.goto('/account');
    await page.getByRole('heading', { name: 'Your data' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download my data (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^encore-data-${username}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
    const data = JSON.parse(fs.readFileSync((await download.path())!, 'utf8'));
    expect(data.profile).toMatchObject({ username, displayName: `Rosalind ${surname}` });
    expect(data.addresses).toEqual([
      expect.objectContaining({ fullName: `Rosalind ${surname}`, line1: '12 Lamplighter Row', phone }),
    ]);
    await shopper.context.close();

    // A visitor gets no file.
    const visitor = await newPage(browser);
    expect((await visitor.page.request.get('/api/account/export')).status()).toBe(401);
    await visitor.context.close();

    const staff = await newPage(browser);
    await signIn(staff.page, ADMIN.email, ADMIN.password, '/admin');
    for (const query of [surname.toLowerCase(), `ROSALIND ${surname}`, phone.replace(/\s/g, '')]) {
      await staff.page.goto(`/admin/customers?q=${encodeURIComponent(query)}`);
      await staff.page.getByRole('link', { name: username }).waitFor();
    }
    await staff.page.goto(`/admin/customers?q=${encodeURIComponent(surname.slice(0, 5))}`);
    await staff.page.getByText('Names and phone numbers are stored encrypted').waitFor();
    expect(await staff.page.getByRole('link', { name: username }).count()).toBe(0);
    await staff.context.close();
  });
});
