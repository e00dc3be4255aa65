import { sql } from 'drizzle-orm';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { POST as registerRoute } from '@/app/api/v1/auth/register/route';
import { getDb, queryRow } from '@/db';
import { registerAction } from '@/lib/actions/registration';
import { registerUser } from '@/lib/accounts/mutations';
import { findSignInAccount } from '@/lib/accounts/queries';
import {
  issueRegistrationLink,
  pruneExpiredRegistrations,
  readRegistrationLink,
  requestRegistration,
  SIGNUP_COOKIE,
} from '@/lib/accounts/registration';
import { authOptions, authorizeCredentials } from '@/lib/api/auth-options';
import { UNKNOWN_CLIENT } from '@/lib/security/client-ip';
import { requestContext } from '../support/request-context';
import { captureMail, outboxMails } from '../support/outbox';
import { at, first } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

beforeEach(() => requestContext.reset());

const PASSWORD = 'a long registration passphrase';
let counter = 0;
function fresh(prefix = 'reg') {
  counter += 1;
  const username = `${prefix}${counter}_${process.pid}_${Date.now() % 100000}`;
  return { username, email: `${username}@example.com`, password: PASSWORD };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

// Links are made when a mail is sent: read the mail as its recipient does (delivered, in order),
// with each mail's template from the outbox.
const mailbox = captureMail();
afterAll(() => mailbox.stop());

async function mailsTo(email: string): Promise<{ template: string; text: string }[]> {
  const sent = await mailbox.sentTo(email);
  const stored = (await outboxMails({ to: email })).filter((m) => m.status === 'sent');
  return stored.map((m, i) => ({ template: m.template, text: sent[i]?.text ?? '' }));
}

function linkToken(text: string): string {
  const match = /\/verify-email\?token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error('no verification link in the mail');
  return at(match, 1);
}

/** Follows a registration link through next-auth's "registration" provider. */
async function follow(token: string, options: { cookie?: string; password?: string } = {}) {
  // next-auth keeps a credentials provider's own id and authorize() in its options.
  const provider = authOptions.providers.find(
    (p) => (p as unknown as { options?: { id?: string } }).options?.id === 'registration',
  ) as unknown as {
    options: { authorize: (credentials: unknown, request: unknown) => Promise<{ id: string } | null> };
  };
  const headers = options.cookie ? { cookie: `${SIGNUP_COOKIE}=${options.cookie}` } : {};
  try {
    const user = await provider.options.authorize({ token, password: options.password ?? '' }, { headers });
    return user ? Number(user.id) : null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A registration submitted through the /register form from a fresh browser, with its signup cookie. */
async function registerInBrowser(values: Record<string, string>) {
  requestContext.reset();
  requestContext.headers = new Headers({ 'accept-language': 'en' });
  const state = await registerAction(null, form(values));
  return { state, cookie: requestContext.cookies.get(SIGNUP_COOKIE) };
}

describe('registration', () => {
  it('creates no account until the mailed link is followed; the registering browser is then signed in by it', async () => {
    const shopper = fresh();
    const { state, cookie } = await registerInBrowser({ ...shopper, next: '/products/neon-harbour' });
    expect(state).toEqual({ ok: true, message: 'checkEmail', email: shopper.email });
    expect(cookie).toBeTruthy();
    expect(await findSignInAccount(shopper.email)).toBeNull();
    expect(await authorizeCredentials({ login: shopper.email, password: PASSWORD }, {})).toBeNull();

    const mail = first(await mailsTo(shopper.email));
    expect(mail.template).toBe('verifyEmail');
    const token = linkToken(mail.text);
    expect(await readRegistrationLink(token, cookie)).toMatchObject({
      status: 'ready',
      sameBrowser: true,
      email: shopper.email,
      next: '/products/neon-harbour',
    });
    const userId = await follow(token, { cookie });
    expect(typeof userId).toBe('number');
    expect(await authorizeCredentials({ login: shopper.username, password: PASSWORD }, {})).toEqual({
      id: String(userId),
    });
    expect((await mailsTo(shopper.email)).map((m) => m.template)).toEqual(['verifyEmail', 'welcome']);
    // The link works once.
    expect(await follow(token, { cookie })).toBe('RegistrationInvalid');
    expect(await readRegistrationLink(token, cookie)).toEqual({ status: 'invalid' });
  });

  it('answers the same for an address that has an account, and tells its owner instead of sending a link', async () => {
    const owner = fresh('owner');
    const created = await registerUser(owner, 'en');
    if (!created.ok) throw new Error('setup');
    const newcomer = fresh();
    const forNew = await registerInBrowser({ ...newcomer, password: 'another long passphrase' });
    const forExisting = await registerInBrowser({
      username: fresh('squat').username,
      email: owner.email.toUpperCase(),
      password: 'another long passphrase',
    });
    // The same answer; each names only the address that was typed.
    expect({ ...forExisting.state, email: undefined }).toEqual({ ...forNew.state, email: undefined });
    expect(forExisting.state?.email).toBe(owner.email.toUpperCase());
    expect(forExisting.cookie).toBeTruthy();
    const ownerMails = await mailsTo(owner.email);
    expect(ownerMails.map((m) => m.template)).toEqual(['welcome', 'registrationAttempt']);
    expect(at(ownerMails, 1).text).not.toMatch(/verify-email|token=/);
    expect(at(ownerMails, 1).text).toContain('/forgot-password');
    // Nothing about the account changed: its own password still works, the attempt's does not.
    expect(await authorizeCredentials({ login: owner.email, password: PASSWORD }, {})).toEqual({
      id: String(created.userId),
    });
    expect(await authorizeCredentials({ login: owner.email, password: 'another long passphrase' }, {})).toBeNull();

    // Through the API too: the same 202 either way.
    const post = (body: object) =>
      registerRoute(
        new Request('http://localhost/api/v1/auth/register', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
      );
    const apiNew = await post({ ...fresh(), password: 'yet another long passphrase' });
    const apiExisting = await post({ ...fresh(), email: owner.email, password: 'yet another long passphrase' });
    expect(apiNew.status).toBe(202);
    expect(apiExisting.status).toBe(202);
    expect(await apiExisting.json()).toEqual(await apiNew.json());
  });

  it('holds the username either way, so trying it again says nothing about the address', async () => {
    const owner = fresh('holder');
    if (!(await registerUser(owner, 'en')).ok) throw new Error('setup');
    const heldByExisting = fresh('nameA').username;
    const heldByNew = fresh('nameB').username;
    await registerInBrowser({ username: heldByExisting, email: owner.email, password: PASSWORD });
    await registerInBrowser({ username: heldByNew, email: fresh().email, password: PASSWORD });
    for (const username of [heldByExisting, heldByNew, owner.username.toUpperCase()]) {
      const again = await registerInBrowser({ username, email: fresh().email, password: PASSWORD });
      expect(again.state).toEqual({ ok: false, fieldErrors: { username: 'usernameTaken' } });
    }
    // The same person registering again (same address and username) just gets a new link.
    const person = fresh();
    expect((await registerInBrowser(person)).state?.ok).toBe(true);
    expect((await registerInBrowser(person)).state?.ok).toBe(true);
    const links = (await mailsTo(person.email)).filter((m) => m.template === 'verifyEmail');
    expect(links).toHaveLength(2);
    expect(await follow(linkToken(first(links).text), { password: PASSWORD })).toBe('RegistrationInvalid');
    expect(typeof (await follow(linkToken(at(links, 1).text), { password: PASSWORD }))).toBe('number');
  });

  it('asks another browser for the password, so a link someone else follows never activates an attacker’s account', async () => {
    // An attacker registers the victim's address with a password of their own.
    const victim = fresh('victim');
    const attacker = await registerInBrowser({ ...victim, password: 'the attackers passphrase' });
    const token = linkToken(first(await mailsTo(victim.email)).text);
    // The victim opens the link in their own browser: no account is created without that password.
    expect(await readRegistrationLink(token, undefined)).toMatchObject({ status: 'ready', sameBrowser: false });
    expect(await follow(token)).toBeNull();
    expect(await follow(token, { password: 'a guess at the password' })).toBeNull();
    expect(await follow(token, { cookie: 'a-made-up-browser-secret' })).toBeNull();
    expect(await findSignInAccount(victim.email)).toBeNull();
    // The right password finishes it in any browser (the shopper who registered from their laptop
    // and opens the mail on their phone).
    expect(typeof (await follow(token, { password: 'the attackers passphrase' }))).toBe('number');
    expect(attacker.state?.ok).toBe(true);
  });

  it('makes a new link on demand (as late as the mail is sent); only the latest one works', async () => {
    const shopper = fresh();
    const { cookie } = await registerInBrowser(shopper);
    const firstLink = linkToken(first(await mailsTo(shopper.email)).text);
    const db = await getDb();
    const row = await queryRow<{ id: number; token_hash: string }>(
      db,
      sql`select id, token_hash from registrations where email_key = ${shopper.email}`,
    );
    expect(row.token_hash).not.toContain(firstLink);
    const again = await issueRegistrationLink(db, row.id);
    expect(again).toMatch(/\/verify-email\?token=/);
    expect(await follow(firstLink, { cookie })).toBe('RegistrationInvalid');
    expect(typeof (await follow(linkToken(again!), { cookie }))).toBe('number');
    // Gone once used; and an address that has an account never gets one.
    expect(await issueRegistrationLink(db, row.id)).toBeNull();
  });

  it('refuses an expired link', async () => {
    const shopper = fresh();
    const { cookie } = await registerInBrowser(shopper);
    const token = linkToken(first(await mailsTo(shopper.email)).text);
    const db = await getDb();
    await db.execute(
      sql`update registrations set expires_at = now() - interval '1 second' where email_key = ${shopper.email}`,
    );
    expect(await follow(token, { cookie })).toBe('RegistrationInvalid');
    expect(await findSignInAccount(shopper.email)).toBeNull();
    // The hourly job deletes it (its address, name and password hash with it).
    expect(await pruneExpiredRegistrations()).toBeGreaterThanOrEqual(1);
    const left = await queryRow<{ n: number }>(
      db,
      sql`select count(*)::int as n from registrations where email_key = ${shopper.email} or expires_at < now()`,
    );
    expect(left.n).toBe(0);
  });

  it('limits registrations per address and per client, unknown clients sharing one bucket', async () => {
    const target = fresh('target');
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push((await registerInBrowser({ ...target, username: `${target.username}x${i}` })).state);
    }
    expect(results.slice(0, 3).every((r) => r?.ok)).toBe(true);
    expect(results[3]).toEqual({ ok: false, fieldErrors: { form: 'throttled' } });
    expect((await mailsTo(target.email)).filter((m) => m.template === 'verifyEmail')).toHaveLength(3);

    // Per client address (invalid forms count too).
    const ip = `198.51.100.${process.pid % 250}`;
    for (let i = 0; i < 10; i++) {
      const answer = await requestRegistration({ username: 'x' }, { ip, locale: 'en', browserSecret: null });
      expect(answer.ok).toBe(false);
    }
    const refused = await requestRegistration(fresh(), { ip, locale: 'en', browserSecret: null });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { form: 'throttled' } });

    // No trusted IP header here: the form and the API count in the shared bucket.
    const db = await getDb();
    const bucket = async () =>
      (
        await queryRow<{ n: number }>(
          db,
          sql`select coalesce(sum(count), 0)::int as n from rate_limits where key = ${`register:ip:${UNKNOWN_CLIENT}`}`,
        )
      ).n;
    const before = await bucket();
    await registerInBrowser(fresh());
    await registerRoute(
      new Request('http://localhost/api/v1/auth/register', {
        method: 'POST',
        headers: { 'x-forwarded-for': '203.0.113.9', 'content-type': 'application/json' },
        body: JSON.stringify(fresh()),
      }),
    );
    expect(await bucket()).toBe(before + 2);
  });
});
