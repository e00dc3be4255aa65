import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRows } from '@/db';
import { resetPasswordAction } from '@/lib/actions/registration';
import { registerUser } from '@/lib/accounts/mutations';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { authOptions, authorizeCredentials } from '@/lib/api/auth-options';
import { DEVICE_COOKIE } from '@/lib/auth/trusted-device';
import { pruneSignInThrottles } from '@/lib/security/sign-in-throttle';
import type { Env } from '@/lib/env';
import { requestContext } from '../support/request-context';
import { captureMail, resetTokenIn } from '../support/outbox';
import { itOnPostgres } from '../support/concurrency';
import { at, first } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));
// This store sits behind a proxy that sets X-Real-IP (the other test files run without one).
vi.mock('@/lib/env', async (original) => {
  const actual = await original<{ env: Env }>();
  return { ...actual, env: { ...actual.env, TRUSTED_IP_HEADER: 'x-real-ip' } };
});

const PASSWORD = 'correct horse battery staple';
let counter = 0;
async function newUser() {
  counter += 1;
  const username = `limits${counter}_${process.pid}_${Date.now() % 100000}`;
  const email = `${username}@example.com`;
  const result = await registerUser({ username, email, password: PASSWORD }, 'en');
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return { id: result.userId, username, email };
}

let ipCounter = 0;
/** Request headers from a fresh client address (as the proxy would set them). */
const fromNewAddress = (extra: Record<string, string> = {}) => ({
  'x-real-ip': `198.18.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`,
  ...extra,
});

/** null (wrong), the user id (right), or the error's message (TooManyAttempts). */
async function attempt(login: string, password: string, headers: Record<string, string> = fromNewAddress()) {
  try {
    const result = await authorizeCredentials({ login, password }, headers);
    return result ? Number(result.id) : null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Moves a counter's last failure into the past, as if `seconds` had gone by. */
async function age(key: string, seconds: number) {
  const db = await getDb();
  await db.execute(
    sql`update sign_in_throttles set last_failure_at = last_failure_at - make_interval(secs => ${seconds}) where key = ${key}`,
  );
}

async function failures(key: string): Promise<number> {
  const db = await getDb();
  const [row] = await queryRows<{ failures: number }>(
    db,
    sql`select failures from sign_in_throttles where key = ${key}`,
  );
  return row?.failures ?? 0;
}

/** Signs in through next-auth's jwt callback, as the credentials route does, and returns the device cookie it set. */
async function signInFromBrowser(userId: number): Promise<string> {
  requestContext.reset();
  await authOptions.callbacks!.jwt!({
    token: {},
    user: { id: String(userId) },
    account: { type: 'credentials', provider: 'credentials', providerAccountId: String(userId) },
  } as never);
  const cookie = requestContext.cookies.get(DEVICE_COOKIE);
  if (!cookie) throw new Error('no trusted-device cookie was set');
  return cookie;
}

beforeEach(() => requestContext.reset());

describe('sign-in limits', () => {
  it('counts failures per account: its email and its username share one counter', async () => {
    const user = await newUser();
    const results = [
      await attempt(user.email, 'wrong 1'),
      await attempt(user.username, 'wrong 2'),
      await attempt(user.email.toUpperCase(), 'wrong 3'),
      await attempt(user.username, 'wrong 4'),
      await attempt(user.email, 'wrong 5'),
    ];
    expect(results).toEqual([null, null, null, null, null]);
    expect(await attempt(user.username, 'wrong 6')).toBe('TooManyAttempts');
    expect(await attempt(user.email, 'wrong 7')).toBe('TooManyAttempts');
    expect(await failures(`account:${user.id}`)).toBe(5);
  });

  it('does not count successful sign-ins', async () => {
    const user = await newUser();
    for (let i = 0; i < 15; i++) expect(await attempt(i < 12 ? user.email : user.username, PASSWORD)).toBe(user.id);
    expect(await failures(`account:${user.id}`)).toBe(0);
  });

  it('waits a short, growing delay — never a lock the right password cannot outlast', async () => {
    const user = await newUser();
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, `wrong ${i}`)).toBeNull();
    // Even the right password waits (without being checked) while the delay runs…
    expect(await attempt(user.email, PASSWORD)).toBe('TooManyAttempts');
    // …which is 30 seconds after the fifth failure,
    await age(`account:${user.id}`, 31);
    expect(await attempt(user.email, 'wrong 6')).toBeNull();
    // then doubles with each further failure (60 s after the sixth),
    await age(`account:${user.id}`, 31);
    expect(await attempt(user.email, PASSWORD)).toBe('TooManyAttempts');
    await age(`account:${user.id}`, 30);
    expect(await attempt(user.email, PASSWORD)).toBe(user.id);
    // up to 15 minutes at most, however many failures there were.
    const db = await getDb();
    await db.execute(sql`update sign_in_throttles set failures = 500 where key = ${`account:${user.id}`}`);
    expect(await attempt(user.email, PASSWORD)).toBe('TooManyAttempts');
    await age(`account:${user.id}`, 15 * 60 + 1);
    expect(await attempt(user.email, PASSWORD)).toBe(user.id);
  });

  it('keeps the owner in from a browser they signed in with, while someone else keeps failing', async () => {
    const user = await newUser();
    const device = await signInFromBrowser(user.id);
    // The attacker fails over and over, from many addresses.
    for (let i = 0; i < 25; i++) expect([null, 'TooManyAttempts']).toContain(await attempt(user.email, `guess ${i}`));
    expect(await attempt(user.email, PASSWORD)).toBe('TooManyAttempts');
    // The owner's browser is not slowed down by the attacker's failures.
    const owner = fromNewAddress({ cookie: `other=1; ${DEVICE_COOKIE}=${device}` });
    expect(await attempt(user.email, PASSWORD, owner)).toBe(user.id);
    expect(await attempt(user.username, PASSWORD, owner)).toBe(user.id);
    // A copied or forged mark is worth nothing, and the mark of one account does not help with another.
    const forged = fromNewAddress({ cookie: `${DEVICE_COOKIE}=${device.slice(0, -2)}xx` });
    expect(await attempt(user.email, PASSWORD, forged)).toBe('TooManyAttempts');
    const other = await newUser();
    for (let i = 0; i < 6; i++) await attempt(other.email, `guess ${i}`);
    expect(await attempt(other.email, PASSWORD, owner)).toBe('TooManyAttempts');
    // The owner's browser has its own counter: ten mistakes there, and it waits too.
    for (let i = 0; i < 10; i++) expect(await attempt(user.email, `typo ${i}`, owner)).toBeNull();
    expect(await attempt(user.email, PASSWORD, owner)).toBe('TooManyAttempts');
  });

  it('trusts the browser that resets the password by mail, so a new device is never kept out for long', async () => {
    const user = await newUser();
    for (let i = 0; i < 8; i++) await attempt(user.email, `guess ${i}`);
    expect(await attempt(user.email, PASSWORD)).toBe('TooManyAttempts');
    // The owner, on a new phone, asks for a reset link and follows it there.
    requestContext.reset();
    // The link is made when the mail is sent: read it from the mail as delivered.
    const mailbox = captureMail();
    await requestPasswordReset(user.email, 'en');
    const mail = (await mailbox.sentTo(user.email)).at(-1);
    mailbox.stop();
    const token = resetTokenIn(mail?.text);
    const data = new FormData();
    for (const [name, value] of Object.entries({
      token,
      password: 'a fresh phone passphrase',
      confirm: 'a fresh phone passphrase',
    }))
      data.set(name, value);
    expect(await resetPasswordAction(null, data)).toEqual({ ok: true });
    const phone = fromNewAddress({ cookie: `${DEVICE_COOKIE}=${requestContext.cookies.get(DEVICE_COOKIE)}` });
    expect(await attempt(user.email, 'a fresh phone passphrase', phone)).toBe(user.id);
    expect(await attempt(user.email, 'a fresh phone passphrase')).toBe('TooManyAttempts');
  });

  it('answers for an unknown identifier exactly as for an account', async () => {
    const login = `nobody-${process.pid}-${Date.now()}@example.com`;
    for (let i = 0; i < 5; i++) expect(await attempt(login, `wrong ${i}`)).toBeNull();
    expect(await attempt(login, 'wrong 6')).toBe('TooManyAttempts');
    // A counter quiet for longer than a day is forgotten, and the hourly job deletes it.
    await age(`login:${login}`, 24 * 60 * 60 + 1);
    expect(await pruneSignInThrottles()).toBeGreaterThanOrEqual(1);
    expect(await failures(`login:${login}`)).toBe(0);
  });

  it('counts failures per client address across accounts (password spraying), and unknown addresses share one counter', async () => {
    const sprayer = fromNewAddress();
    const users = await Promise.all(Array.from({ length: 3 }, () => newUser()));
    const results: (number | string | null)[] = [];
    for (let i = 0; i < 20; i++)
      results.push(await attempt(`sprayed-${i}-${process.pid}@example.com`, 'Winter2026!', sprayer));
    expect(results.every((r) => r === null)).toBe(true);
    for (const user of users) expect(await attempt(user.email, 'Winter2026!', sprayer)).toBe('TooManyAttempts');
    // Nobody else is slowed down by it.
    expect(await attempt(first(users).email, PASSWORD)).toBe(first(users).id);

    // Without the proxy's header (or with junk in it) the client lands in the shared bucket.
    const before = await failures('ip:unknown');
    await attempt(at(users, 1).email, 'wrong', {});
    await attempt(at(users, 1).email, 'wrong', { 'x-real-ip': 'junk', 'x-forwarded-for': '203.0.113.1' });
    expect(await failures('ip:unknown')).toBe(before + 2);
  });

  itOnPostgres('holds under concurrency: 20 simultaneous wrong passwords are checked only 5 times', async () => {
    const user = await newUser();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attempt(i % 2 ? user.email : user.username, `parallel ${i}`)),
    );
    expect(results.filter((r) => r === null)).toHaveLength(5);
    expect(results.filter((r) => r === 'TooManyAttempts')).toHaveLength(15);
    expect(await failures(`account:${user.id}`)).toBe(5);
    // Simultaneous right passwords leave no failure behind.
    const db = await getDb();
    await db.execute(sql`update sign_in_throttles set failures = 0 where key = ${`account:${user.id}`}`);
    const right = await Promise.all(Array.from({ length: 5 }, () => attempt(user.email, PASSWORD)));
    expect(right.every((r) => r === user.id)).toBe(true);
    expect(await failures(`account:${user.id}`)).toBe(0);
  });
});
