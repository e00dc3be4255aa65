import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForMail } from '../support/mail-folder';
import { launchBrowser, newPage } from './support/browser';
import { mailDir, signIn, submitRegistration, unique, verificationLink } from './support/flows';

let browser: Browser;

/**
 * Registers a new shopper in a browser without JavaScript: the form posts to its server action and
 * the page says to check the mail; the mailed link's page posts to next-auth, which creates the
 * account, signs it in and goes on to /account. Returns the account and that browser, signed in.
 */
async function registerWithoutScript(prefix: string) {
  const username = unique(prefix);
  const shopper = { login: username, email: `${username}@example.com`, password: 'a script-free passphrase' };
  const signedIn = await newPage(browser, { javaScript: false });
  await signedIn.page.goto(`/register?next=${encodeURIComponent('/account')}`);
  await submitRegistration(signedIn.page, { username, email: shopper.email, password: shopper.password });
  await signedIn.page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await signedIn.page.getByText(`We sent a link to ${shopper.email}.`).waitFor();
  await signedIn.page.goto(await verificationLink(shopper.email));
  await signedIn.page.getByRole('button', { name: 'Confirm and sign in' }).click();
  // The account overview, rendered in full (no skeleton waiting for a script).
  await signedIn.page.waitForURL((url) => url.pathname === '/account');
  await signedIn.page.getByRole('heading', { name: `Hello, ${username}` }).waitFor();
  return { username, shopper, ...signedIn };
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('the shopper forms without JavaScript', () => {
  it('register → sign in (a wrong password first) → add to cart → change the quantity → check out → pay with the demo provider → review it → the address book', async () => {
    // Register through the mailed link.
    const { username, shopper, context: first } = await registerWithoutScript('nojs');
    await first.close();

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

  it('the profile, a new password, forgot password → the reset link from the mail → sign in with it, and deleting the account', async () => {
    const { username, shopper, page, context } = await registerWithoutScript('nojsacct');

    // The profile: the page comes back with the form's answer and the saved name.
    await page.goto('/account/profile');
    const displayName = `Nora ${username}`;
    await page.getByLabel('Display name', { exact: true }).fill(displayName);
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByText('Your profile has been saved.').waitFor();
    await expect(page.getByLabel('Display name', { exact: true }).inputValue()).resolves.toBe(displayName);

    // A new password on the security page: a wrong current password first, then the right one.
    await page.goto('/account/security');
    const passwordForm = page
      .locator('form')
      .filter({ has: page.getByRole('button', { name: 'Change the password' }) });
    const changed = 'a second script-free passphrase';
    await passwordForm.getByLabel('Current password').fill('not the password');
    await passwordForm.getByLabel('New password', { exact: true }).fill(changed);
    await passwordForm.getByLabel('Repeat the new password').fill(changed);
    await passwordForm.getByRole('button', { name: 'Change the password' }).click();
    await passwordForm.getByText('That is not your current password.').waitFor();
    await expect(page.getByText('Your password has been changed').count()).resolves.toBe(0);
    await passwordForm.getByLabel('Current password').fill(shopper.password);
    await passwordForm.getByLabel('New password', { exact: true }).fill(changed);
    await passwordForm.getByLabel('Repeat the new password').fill(changed);
    await passwordForm.getByRole('button', { name: 'Change the password' }).click();
    await page.getByText('Your password has been changed. Every other device has been signed out.').waitFor();
    // This browser stays signed in (the action gave it a fresh session cookie).
    await page.goto('/account/profile');
    await expect(page.getByLabel('Display name', { exact: true }).inputValue()).resolves.toBe(displayName);
    await context.close();

    // Forgot password, in another browser: the page answers "on its way", and the mail has the link.
    const other = await newPage(browser, { javaScript: false });
    await other.page.goto('/forgot-password');
    await other.page.getByLabel('Email').fill(shopper.email);
    await other.page.getByRole('button', { name: 'Send the link' }).click();
    await other.page.getByText('a link to reset its password is on its way').waitFor();
    const mail = await waitForMail(mailDir(), shopper.email, /Reset your Encore password/);
    const link = /https?:\/\/\S+\/reset-password\?token=[\w-]+/.exec(mail.text)?.[0];
    expect(link).toBeTruthy();

    // The reset link: the page comes back saying the password was changed (the token is used up by
    // then, the answer still shows), and the new password signs in.
    const reset = 'a third script-free passphrase';
    await other.page.goto(link!);
    await other.page.getByLabel('New password', { exact: true }).fill(reset);
    await other.page.getByLabel('Repeat the new password').fill(reset);
    await other.page.getByRole('button', { name: 'Set the new password' }).click();
    await other.page.getByText('Your password has been changed. Sign in with the new one.').waitFor();
    await signIn(other.page, shopper.login, reset, '/account/delete');

    // Deleting the account: the page comes back saying it is done (no account left to show the form to).
    await other.page.getByLabel('Your current password').fill(reset);
    await other.page.getByRole('button', { name: 'Delete my account permanently' }).click();
    await other.page.getByText('Your account has been deleted and you have been signed out.').waitFor();
    expect(new URL(other.page.url()).pathname).toBe('/account/delete');
    await other.context.close();
  }, 300_000);
});
