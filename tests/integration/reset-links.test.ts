import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb, queryRows } from '@/db';
import { signOutEverywhere } from '@/lib/accounts/account';
import {
  changePassword,
  isResetTokenValid,
  registerUser,
  requestPasswordReset,
  resetPassword,
} from '@/lib/accounts/mutations';
import { setCustomerDisabled } from '@/lib/admin/customers/mutations';
import type { SessionUser } from '@/lib/auth/session';
import { requestContext } from '../support/request-context';

vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock());
vi.mock('next/server', async (original) => ({ ...(await original<object>()), after: (fn: () => unknown) => fn() }));

beforeEach(() => requestContext.reset());

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

/** Asks for a reset link and returns the token of the mail it sends. */
async function resetTokenFor(email: string): Promise<string> {
  await requestPasswordReset(email, 'en');
  const [row] = await queryRows<{ text: string }>(
    await getDb(),
    sql`select text from mail_outbox where to_address = ${email} and template = 'passwordReset' order by id desc limit 1`,
  );
  const token = /reset-password\?token=([\w-]+)/.exec(row.text)?.[1];
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

  it('and a later link still works', async () => {
    const user = await newUser();
    await resetTokenFor(user.email);
    await signOutEverywhere(user.id);
    const fresh = await resetTokenFor(user.email);
    expect(await resetPassword(fresh, 'my fresh reset passphrase')).toEqual({ ok: true });
  });
});
