import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRow } from '@/db';
import { signOutEverywhere } from '@/lib/accounts/account';
import { changePassword, registerUser } from '@/lib/accounts/mutations';
import { isResetTokenValid, requestPasswordReset, resetPassword } from '@/lib/accounts/password-reset';
import { setCustomerDisabled } from '@/lib/accounts/staff-access';
import { users } from '@/lib/accounts/schema';
import type { SessionUser } from '@/lib/auth/session';
import { enqueueMail } from '@/lib/mail/mutations';
import { mailOutbox } from '@/lib/mail/schema';
import { secretLinks } from '@/lib/mail/secret-links';
import { captureMail } from '../support/outbox';
import { requestContext } from '../support/request-context';
import { first } from '@/tests/support/lists';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

beforeEach(() => requestContext.reset());
let mail: ReturnType<typeof captureMail>;
beforeAll(() => {
  mail = captureMail();
});
afterAll(() => mail.stop());

let counter = 0;
async function newUser() {
  counter += 1;
  const input = {
    username: `reset${counter}_${Date.now() % 100000}`,
    email: `reset${counter}.${Date.now() % 100000}@example.com`,
    password: 'correct horse battery staple',
  };
  const result = await registerUser(input, 'en');
  if (!result.ok) throw new Error(JSON.stringify(result.fieldErrors));
  return { ...input, id: result.userId };
}

/** Asks for a reset link and returns the token of the mail its owner receives. */
async function resetTokenFor(email: string): Promise<string> {
  await requestPasswordReset(email, 'en');
  const received = (await mail.sentTo(email)).filter((m) => /reset-password/.test(m.text)).at(-1);
  const token = received && /reset-password\?token=([\w-]+)/.exec(received.text)?.[1];
  if (!token) throw new Error('no reset link in the mail');
  return token;
}

async function expectEnded(token: string) {
  expect(await isResetTokenValid(token)).toBe(false);
  expect(await resetPassword(token, 'a taken-over passphrase')).toEqual({
    ok: false,
    fieldErrors: { form: 'resetInvalid' },
  });
}

describe('password reset links end', () => {
  it('when the password is changed from the account centre', async () => {
    const user = await newUser();
    const token = await resetTokenFor(user.email);
    expect(await isResetTokenValid(token)).toBe(true);
    const changed = await changePassword(user.id, randomUUID(), {
      currentPassword: user.password,
      newPassword: 'a brand new passphrase',
    });
    expect(changed.ok).toBe(true);
    await expectEnded(token);
  });

  it('on "sign out everywhere"', async () => {
    const user = await newUser();
    const token = await resetTokenFor(user.email);
    expect(await signOutEverywhere(user.id)).toEqual({ ok: true });
    await expectEnded(token);
  });

  it('when an admin disables the account', async () => {
    const user = await newUser();
    const admin = await newUser();
    await (await getDb()).execute(sql`update users set role = 'admin' where id = ${admin.id}`);
    const token = await resetTokenFor(user.email);
    const actor: SessionUser = {
      id: admin.id,
      username: admin.username,
      email: admin.email,
      displayName: null,
      role: 'admin',
      preferredLocale: null,
      hasPassword: true,
    };
    expect(await setCustomerDisabled(actor, { userId: user.id, disabled: true })).toMatchObject({ ok: true });
    await setCustomerDisabled(actor, { userId: user.id, disabled: false });
    await expectEnded(token);
  });

  it('before they are sent: a reset asked for before "sign out everywhere" is cancelled, not sent', async () => {
    const user = await newUser();
    const db = await getDb();
    const { sessionVersion } = first(
      await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, user.id)),
    );
    // What requestPasswordReset writes, without its immediate delivery: the mail is still waiting. It is
    // written not yet due, so that a delivery an earlier test started in the background cannot send it
    // before the sign-out; then it is due, as a mail still in the outbox would be.
    const id = await db.transaction(async (tx) => {
      const queued = await enqueueMail(tx, {
        to: user.email,
        locale: 'en',
        template: 'passwordReset',
        data: { name: user.username, url: secretLinks.passwordReset(sessionVersion), expiresMinutes: 30 },
        userId: user.id,
      });
      await tx
        .update(mailOutbox)
        .set({ nextAttemptAt: sql`now() + interval '1 hour'` })
        .where(eq(mailOutbox.id, queued.id));
      return queued.id;
    });
    await signOutEverywhere(user.id);
    await db
      .update(mailOutbox)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(mailOutbox.id, id));
    expect((await mail.sentTo(user.email)).filter((m) => /reset-password/.test(m.text))).toEqual([]);
    const row = first(await db.select({ status: mailOutbox.status }).from(mailOutbox).where(eq(mailOutbox.id, id)));
    expect(row.status).toBe('cancelled');
    const { tokens } = await queryRow<{ tokens: number }>(
      db,
      sql`select count(*)::int as tokens from password_reset_tokens where user_id = ${user.id}`,
    );
    expect(tokens).toBe(0);
  });

  it('and a later link still works', async () => {
    const user = await newUser();
    await resetTokenFor(user.email);
    await signOutEverywhere(user.id);
    const fresh = await resetTokenFor(user.email);
    expect(await resetPassword(fresh, 'my fresh reset passphrase')).toEqual({ ok: true, userId: user.id });
  });
});
