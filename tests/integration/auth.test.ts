import { sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow, queryRows } from '@/db';
import { forgotPasswordAction, resetPasswordAction } from '@/lib/actions/registration';
import {
  changePassword,
  createOrPromoteAdmin,
  endAllSessions,
  registerUser,
  revokeSession,
} from '@/lib/accounts/mutations';
import { requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import { requestRegistration } from '@/lib/accounts/registration';
import { authorizeCredentials, authOptions } from '@/lib/api/auth-options';
import { AuthError, getCurrentUser, readSessionClaims, requireAdmin } from '@/lib/auth/session';
import { listOutbox } from '@/lib/admin/mail/queries';
import { captureMail, outboxMails, resetTokenIn } from '../support/outbox';
import { requestContext, sessionTokenFor, signInAs } from '../support/request-context';
import { at } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
// after() runs the work at once outside a request.
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

let counter = 0;
async function newUser(overrides: Partial<{ username: string; email: string; password: string }> = {}) {
  counter += 1;
  const input = {
    username: `user${counter}_${Date.now() % 100000}`,
    email: `user${counter}.${Date.now() % 100000}@example.com`,
    password: 'correct horse battery staple',
    ...overrides,
  };
  const result = await registerUser(input, 'en');
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return { ...input, id: result.userId };
}

async function latestMailTo(email: string) {
  return (await outboxMails({ to: email })).at(-1);
}

beforeEach(() => requestContext.reset());

describe('registration', () => {
  it('creates an account whose password verifies exactly as typed, long Unicode included', async () => {
    const password = '我的密码是一首很长的诗🎵'.repeat(12); // 144 characters, far beyond bcrypt's 72 bytes
    const user = await newUser({ password });
    expect(password.length).toBeGreaterThanOrEqual(128);
    expect(await authorizeCredentials({ login: user.email, password }, {})).toEqual({ id: String(user.id) });
    expect(await authorizeCredentials({ login: user.username, password }, {})).toEqual({ id: String(user.id) });
    expect(await authorizeCredentials({ login: user.email, password: password.slice(0, -1) }, {})).toBeNull();
    expect(await authorizeCredentials({ login: user.email, password: ` ${password}` }, {})).toBeNull();
  });

  it('refuses an email or username that differs only by case or width', async () => {
    const first = await newUser({ email: 'admin-dup@example.com', username: 'Dupname' });
    expect(first.id).toBeGreaterThan(0);
    const sameEmail = await registerUser(
      { username: 'another1', email: 'Admin-Dup@Example.com', password: 'a long enough passphrase' },
      'en',
    );
    expect(sameEmail).toEqual({ ok: false, fieldErrors: { email: 'emailTaken' } });
    const fullWidth = await registerUser(
      { username: 'another2', email: 'ａｄｍｉｎ-dup@example.com', password: 'a long enough passphrase' },
      'en',
    );
    expect(fullWidth.ok).toBe(false);
    const sameName = await registerUser(
      { username: 'DUPNAME', email: 'other-dup@example.com', password: 'a long enough passphrase' },
      'en',
    );
    expect(sameName).toEqual({ ok: false, fieldErrors: { username: 'usernameTaken' } });
  });

  it('refuses short, common and account-like passwords with field errors', async () => {
    const base = { username: 'pwtest', email: 'pwtest@example.com' };
    expect(await registerUser({ ...base, password: 'short7!' }, 'en')).toEqual({
      ok: false,
      fieldErrors: { password: 'passwordTooShort' },
    });
    expect(await registerUser({ ...base, password: 'password1' }, 'en')).toEqual({
      ok: false,
      fieldErrors: { password: 'passwordCommon' },
    });
    expect(await registerUser({ ...base, password: 'Qwertyuiop' }, 'en')).toEqual({
      ok: false,
      fieldErrors: { password: 'passwordCommon' },
    });
    expect(await registerUser({ ...base, password: 'PWTEST@example.com' }, 'en')).toEqual({
      ok: false,
      fieldErrors: { password: 'passwordLikeAccount' },
    });
    const bad = await registerUser({ username: 'x', email: 'not-an-email', password: '' }, 'en');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(Object.keys(bad.fieldErrors).sort()).toEqual(['email', 'password', 'username']);
  });

  it('refuses weak passwords like aaaaaaaa wherever a password is set, with hints', async () => {
    const weak = ['aaaaaaaa', 'abcabcabc123', 'qwerty2026'];
    for (const password of weak) {
      const base = { username: `weak${counter++}x${Date.now() % 1000}`, email: `weak${counter}@example.com` };
      // Registration (the form and the API) and admin:create.
      const registration = await requestRegistration(
        { ...base, password },
        { ip: '192.0.2.10', locale: 'en', browserSecret: null },
      );
      expect(registration).toMatchObject({ ok: false, fieldErrors: { password: 'passwordWeak' } });
      if (!registration.ok) expect(registration.passwordFeedback?.suggestions.length).toBeGreaterThan(0);
      expect(await registerUser({ ...base, password }, 'en')).toMatchObject({
        ok: false,
        fieldErrors: { password: 'passwordWeak' },
      });
      const admin = await createOrPromoteAdmin({ email: `weak-admin-${counter}@example.com`, password });
      expect(admin).toMatchObject({ ok: false, message: expect.stringContaining('too easy to guess') });
    }
    // Password reset and password change.
    const user = await newUser();
    // The reset link is made when the mail is sent: read it from the mail as delivered.
    const mailbox = captureMail();
    await requestPasswordReset(user.email, 'en');
    const sent = (await mailbox.sentTo(user.email)).at(-1);
    mailbox.stop();
    const token = resetTokenIn(sent?.text);
    const sessionId = await signInAs(user.id);
    for (const password of weak) {
      expect(await resetPassword(token, password)).toMatchObject({
        ok: false,
        fieldErrors: { password: 'passwordWeak' },
      });
      expect(
        await changePassword(user.id, sessionId, { currentPassword: user.password, newPassword: password }),
      ).toMatchObject({ ok: false, fieldErrors: { newPassword: 'passwordWeak' } });
    }
    // A password made of the account's own name is weak for that account.
    expect(
      await changePassword(user.id, sessionId, { currentPassword: user.password, newPassword: `${user.username}2026` }),
    ).toMatchObject({ ok: false, fieldErrors: { newPassword: expect.stringMatching(/^password(Weak|LikeAccount)$/) } });
  });

  it('sends a welcome mail', async () => {
    const user = await newUser();
    expect((await latestMailTo(user.email))?.template).toBe('welcome');
  });
});

describe('sign-in', () => {
  it('gives unknown accounts and wrong passwords the same answer', async () => {
    const user = await newUser();
    expect(await authorizeCredentials({ login: user.email, password: 'wrong password here' }, {})).toBeNull();
    expect(
      await authorizeCredentials({ login: 'nobody-at-all@example.com', password: 'wrong password here' }, {}),
    ).toBeNull();
    expect(await authorizeCredentials({ login: '', password: '' }, {})).toBeNull();
    expect(await authorizeCredentials(undefined, {})).toBeNull();
  });

  it('refuses a disabled account like a wrong password', async () => {
    const user = await newUser();
    const db = await getDb();
    await db.execute(sql`update users set disabled_at = now() where id = ${user.id}`);
    expect(await authorizeCredentials({ login: user.email, password: user.password }, {})).toBeNull();
  });
});

describe('OAuth sign-in', () => {
  const google = (sub: string) => ({
    provider: 'google',
    type: 'oauth' as const,
    providerAccountId: sub,
  });

  it('refuses a Google identity whose address Google has not verified, and creates nothing', async () => {
    const sub = `google-${process.pid}-${Date.now()}`;
    const email = `${sub}@example.com`;
    for (const profile of [{ email }, { email, email_verified: false }, { email, email_verified: 'true' }]) {
      const answer = await authOptions.callbacks!.signIn!({
        account: google(sub),
        user: { id: sub, email, name: 'Unverified' },
        profile,
      } as never);
      expect(answer).toBe('/login?error=EmailNotVerified');
    }
    const db = await getDb();
    const row = await queryRow<{ n: number }>(db, sql`select count(*)::int as n from users where email = ${email}`);
    expect(row.n).toBe(0);
    const verified = await authOptions.callbacks!.signIn!({
      account: google(sub),
      user: { id: sub, email, name: 'Verified' },
      profile: { email, email_verified: true },
    } as never);
    expect(verified).toBe(true);
    const created = await queryRow<{ n: number }>(db, sql`select count(*)::int as n from users where email = ${email}`);
    expect(created.n).toBe(1);
  });
});

describe('sessions', () => {
  it('treats tampered and foreign-secret tokens as anonymous', async () => {
    const user = await newUser();
    const { token } = await sessionTokenFor(user.id);
    expect(await readSessionClaims(token)).not.toBeNull();
    const tampered = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect(await readSessionClaims(tampered)).toBeNull();
    const foreign = await sessionTokenFor(user.id, 'a-completely-different-secret-of-enough-length');
    expect(await readSessionClaims(foreign.token)).toBeNull();
    expect(await readSessionClaims('garbage')).toBeNull();
    const noSession = await encode({ token: { sub: String(user.id) }, secret: authOptions.secret! });
    expect(await readSessionClaims(noSession)).toBeNull();
  });

  it('ends a session on sign-out, so replaying its cookie is anonymous', async () => {
    const user = await newUser();
    const sessionId = await signInAs(user.id);
    expect((await getCurrentUser())?.id).toBe(user.id);
    await authOptions.events!.signOut!({ token: { sid: sessionId }, session: undefined as never });
    expect(await getCurrentUser()).toBeNull();
    await revokeSession(sessionId); // idempotent
  });

  it('a password change in one session ends the other sessions at once', async () => {
    const user = await newUser();
    const other = await sessionTokenFor(user.id);
    const currentSession = await signInAs(user.id);
    const result = await changePassword(user.id, currentSession, {
      currentPassword: user.password,
      newPassword: 'a brand new passphrase 2026',
    });
    expect(result.ok).toBe(true);
    expect(await readSessionClaims(other.token).then((c) => c && getCurrentUserFor(other.token))).toBeNull();
    const wrongCurrent = await changePassword(user.id, currentSession, {
      currentPassword: 'nope nope nope',
      newPassword: 'another passphrase 2026',
    });
    expect(wrongCurrent).toEqual({ ok: false, fieldErrors: { currentPassword: 'passwordWrong' } });
  });

  it('sign-out-everywhere and disabling end every session; the role comes from the database', async () => {
    const user = await newUser();
    await signInAs(user.id);
    expect((await getCurrentUser())?.role).toBe('customer');
    const db = await getDb();
    await db.execute(sql`update users set role = 'admin' where id = ${user.id}`);
    expect((await getCurrentUser())?.role).toBe('admin');
    await endAllSessions(user.id);
    expect(await getCurrentUser()).toBeNull();
    await signInAs(user.id);
    await db.execute(sql`update users set disabled_at = now() where id = ${user.id}`);
    expect(await getCurrentUser()).toBeNull();
  });
});

/** getCurrentUser() for a given cookie value. */
async function getCurrentUserFor(token: string) {
  const { SESSION_COOKIE } = await import('@/lib/auth/cookies');
  requestContext.cookies.set(SESSION_COOKIE, token);
  return getCurrentUser();
}

describe('password reset', () => {
  // The link is made when the mail is sent: read it from the mail its owner receives.
  let mail: ReturnType<typeof captureMail>;
  beforeAll(() => {
    mail = captureMail();
  });
  afterAll(() => mail.stop());
  async function tokenSentTo(email: string): Promise<string> {
    const sent = (await mail.sentTo(email)).at(-1);
    const match = sent && /reset-password\?token=([A-Za-z0-9_-]+)/.exec(sent.text);
    if (!match) throw new Error('no reset link in the mail');
    return at(match, 1);
  }

  it('answers the same whether or not the account exists, and mails only real accounts', async () => {
    const user = await newUser();
    const form = (email: string) => {
      const data = new FormData();
      data.set('email', email);
      return data;
    };
    const known = await forgotPasswordAction(null, form(user.email));
    const unknown = await forgotPasswordAction(null, form('nobody-here@example.com'));
    expect(known).toEqual(unknown);
    expect((await latestMailTo(user.email))?.template).toBe('passwordReset');
    expect(await latestMailTo('nobody-here@example.com')).toBeUndefined();
  });

  it('uses a single-use, hashed token that ends all sessions', async () => {
    const user = await newUser();
    const { token: oldCookie } = await sessionTokenFor(user.id);
    await requestPasswordReset(user.email, 'en');
    const token = await tokenSentTo(user.email);
    const db = await getDb();
    const stored = await queryRows<{ token_hash: string }>(
      db,
      sql`select token_hash from password_reset_tokens where user_id = ${user.id}`,
    );
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    const data = new FormData();
    data.set('token', token);
    data.set('password', 'my new reset passphrase');
    data.set('confirm', 'my new reset passphrase');
    expect(await resetPasswordAction(null, data)).toEqual({ ok: true });
    expect(await resetPasswordAction(null, data)).toEqual({ ok: false, fieldErrors: { form: 'resetInvalid' } });
    expect(await getCurrentUserFor(oldCookie)).toBeNull();
    expect(await authorizeCredentials({ login: user.email, password: 'my new reset passphrase' }, {})).toEqual({
      id: String(user.id),
    });
  });

  it('refuses an expired token', async () => {
    const user = await newUser();
    await requestPasswordReset(user.email, 'en');
    const token = await tokenSentTo(user.email);
    const db = await getDb();
    await db.execute(
      sql`update password_reset_tokens set expires_at = now() - interval '1 minute' where user_id = ${user.id}`,
    );
    expect(await resetPassword(token, 'yet another passphrase')).toEqual({
      ok: false,
      fieldErrors: { form: 'resetInvalid' },
    });
  });
});

describe('roles', () => {
  it('refuses a customer calling an admin function, and changes nothing', async () => {
    const user = await newUser();
    await signInAs(user.id);
    await expect(requireAdmin()).rejects.toBeInstanceOf(AuthError);
    await expect(listOutbox()).rejects.toBeInstanceOf(AuthError);
    requestContext.reset();
    await expect(listOutbox()).rejects.toMatchObject({ reason: 'unauthenticated' });
  });

  it('admin:create promotes an existing account or creates a new admin', async () => {
    const user = await newUser();
    expect(await createOrPromoteAdmin({ email: user.email.toUpperCase() })).toEqual({
      ok: true,
      created: false,
      userId: user.id,
    });
    const created = await createOrPromoteAdmin({ email: 'new-admin@example.com', password: 'staff passphrase 2026' });
    expect(created).toMatchObject({ ok: true, created: true });
    expect(await createOrPromoteAdmin({ email: 'no-password@example.com' })).toMatchObject({ ok: false });
    await signInAs(user.id);
    expect((await requireAdmin()).id).toBe(user.id);
  });
});
