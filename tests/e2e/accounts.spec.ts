import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, newPage } from './support/browser';
import { waitForMail } from '../support/mail-folder';
import {
  ADMIN,
  followVerificationLink,
  hydrated,
  registerShopper,
  signIn,
  signOut,
  submitRegistration,
  unique,
} from './support/flows';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accounts', () => {
  it('register → sign out → sign in → change password → forgot → reset from the mail → sign in', async () => {
    const shopper = await newPage(browser);
    const page = shopper.page;
    const username = unique('e2e');
    const email = `${username}@example.com`;
    const first = 'a first e2e passphrase';
    const second = 'a second e2e passphrase';
    const third = 'a third e2e passphrase';

    await page.goto('/register');
    await hydrated(page);
    await submitRegistration(page, { username, email, password: 'password' });
    await page.getByText('That password is one of the most common ones').waitFor();
    // Too easy to guess: the field says why and how to do better.
    await page.getByLabel('Password', { exact: true }).fill('aaaaaaaa');
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByText(/That password is too easy to guess\. Repeated characters like "aaa"/).waitFor();
    await page.getByLabel('Password', { exact: true }).fill(first);
    await page.getByRole('button', { name: 'Create an account' }).click();
    // No account until the address is confirmed: the link in the mail creates it and signs in.
    await followVerificationLink(page, email);

    await signOut(page);
    await signIn(page, username, first, '/account/security');

    const passwordForm = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Change the password' }) });
    await passwordForm.getByLabel('Current password').fill(first);
    await passwordForm.getByLabel('New password', { exact: true }).fill(second);
    await passwordForm.getByLabel('Repeat the new password').fill(second);
    await passwordForm.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Your password has been changed').waitFor();

    await signOut(page);
    await page.goto('/forgot-password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('a link to reset its password is on its way').waitFor();

    // The store delivers into MAIL_DIR here (scripts/e2e.ts): the shopper reads the mail there.
    const received = await waitForMail(process.env.MAIL_DIR!, email, /Reset your Encore password/);
    const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(received.text)?.[0];
    expect(link).toContain(`${baseUrl()}/reset-password?token=`);
    const token = new URL(link!).searchParams.get('token')!;

    // Staff see the mail in the outbox, but never its link: it is left out, in the page and its HTML.
    const staff = await newPage(browser);
    await signIn(staff.page, ADMIN.email, ADMIN.password, '/admin');
    await staff.page.goto(`/admin/mail?to=${encodeURIComponent(email)}`);
    await staff.page.getByRole('link', { name: 'Reset your Encore password' }).first().click();
    await staff.page
      .getByText(/link left out: only the recipient's copy has it/)
      .first()
      .waitFor();
    expect(await staff.page.getByRole('link', { name: /reset-password/ }).count()).toBe(0);
    expect(await staff.page.content()).not.toContain(token);
    const htmlHref = await staff.page.getByRole('link', { name: 'Open the HTML version' }).getAttribute('href');
    const html = await (await staff.page.request.get(htmlHref!)).text();
    expect(html).toContain('Choose a new password');
    expect(html).not.toContain(token);
    expect(html).not.toContain('reset-password');
    await staff.context.close();

    await page.goto(link!);
    await page.getByLabel('New password', { exact: true }).fill(third);
    await page.getByLabel('Repeat the new password').fill(third);
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByText('Your password has been changed. Sign in with the new one.').waitFor();
    // The link worked once.
    await page.goto(link!);
    await page.getByText('This link has expired or has already been used.').waitFor();

    await signIn(page, email, third, '/account');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // The old password is gone.
    await signOut(page);
    await page.goto('/login');
    await page.getByLabel('Email or username').fill(email);
    await page.getByLabel('Password').fill(second);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('form [role=alert]').getByText('do not match an account').waitFor();
    await shopper.context.close();
  });

  it('an admin opens /admin; a customer gets 403; a visitor is sent to sign in', async () => {
    const visitor = await newPage(browser);
    await visitor.page.goto('/admin');
    await visitor.page.waitForURL(/\/login\?next=%2Fadmin/);
    const attempt = await visitor.page.request.get('/admin', {
      headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
      maxRedirects: 0,
    });
    expect(attempt.status()).toBe(307);
    await visitor.context.close();

    const customer = await newPage(browser);
    const username = unique('cust');
    await registerShopper(customer.page, {
      username,
      email: `${username}@example.com`,
      password: 'a customer passphrase',
    });
    const forbidden = await customer.page.goto('/admin');
    expect(forbidden?.status()).toBe(403);
    await customer.page.getByRole('heading', { name: "You can't open this page" }).waitFor();
    const mailHtml = await customer.page.request.get('/admin-mail/1');
    expect(mailHtml.status()).toBe(403);
    await customer.context.close();

    const admin = await newPage(browser);
    await signIn(admin.page, ADMIN.email, ADMIN.password, '/admin');
    await admin.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const csp = (await admin.page.request.get('/admin')).headers()['content-security-policy'];
    expect(csp).toMatch(/'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    await admin.context.close();
  });
});
