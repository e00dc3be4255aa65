import type { Page } from 'playwright-core';
import { waitForMail } from '../../support/mail-folder';

/** Steps several journeys share. */

export const ADMIN = { email: 'admin@encore.test', password: 'encore-admin-demo' };

/** The folder the store delivers mail into (scripts/e2e.ts sets MAIL_DIR for the server and the tests). */
export function mailDir(): string {
  const dir = process.env.MAIL_DIR;
  if (!dir) throw new Error('MAIL_DIR is not set: run the e2e tests with `npm run test:e2e`.');
  return dir;
}

/** Waits until React has hydrated the page (it tags the DOM nodes it owns), so forms are React's. */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return main !== null && Object.keys(main).some((key) => key.startsWith('__reactFiber'));
  });
}

/** Fills and sends the registration form of the page (already on /register). */
export async function submitRegistration(page: Page, account: { username: string; email: string; password: string }) {
  await page.getByLabel('Username').fill(account.username);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Create an account' }).click();
}

/**
 * The second half of registering: "check your email", then the link from the mail (read from
 * MAIL_DIR), opened in the same browser, creates the account and signs it in; the page then goes on
 * to `next`.
 */
export async function followVerificationLink(page: Page, email: string, next = '/') {
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.goto(await verificationLink(email));
  await page.waitForURL((url) => url.pathname === next);
  await page.getByRole('button', { name: /Account menu/ }).waitFor();
}

/** The link of the registration mail sent to `email` (read from MAIL_DIR). */
export async function verificationLink(email: string): Promise<string> {
  const mail = await waitForMail(mailDir(), email, /Confirm your email address/);
  const link = /https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no verification link in the mail to ${email}`);
  return link;
}

/** Registers a new shopper in this browser, confirms the address from the mail, and ends signed in. */
export async function registerShopper(
  page: Page,
  account: { username: string; email: string; password: string },
  next = '/',
) {
  await page.goto(next === '/' ? '/register' : `/register?next=${encodeURIComponent(next)}`);
  await hydrated(page);
  await submitRegistration(page, account);
  await followVerificationLink(page, account.email, next);
}

export async function signIn(page: Page, login: string, password: string, next = '/') {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email or username').fill(login);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next);
}

export async function signOut(page: Page) {
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).waitFor();
}

export function unique(prefix: string) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}
