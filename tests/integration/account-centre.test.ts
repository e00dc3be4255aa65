import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db';
import { changeEmail, changeOwnPassword, getAccountOverview, updateProfile } from '@/lib/accounts/account';
import { deleteAccount } from '@/lib/privacy/delete-account';
import {
  createAddress,
  deleteAddress,
  getAddress,
  listAddresses,
  listCountries,
  MAX_ADDRESSES,
  setDefaultAddress,
  updateAddress,
} from '@/lib/accounts/address-book';
import {
  changeEmailAction,
  changePasswordAction,
  createAddressAction,
  deleteAccountAction,
  deleteAddressAction,
  signOutEverywhereAction,
  updateAddressAction,
  updateProfileAction,
} from '@/lib/actions/account';
import { createSession, registerUser, resolveOAuthUser } from '@/lib/accounts/mutations';
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { findSignInAccount, getSessionUser } from '@/lib/accounts/queries';
import { addresses, oauthAccounts, passwordResetTokens, sessions, users } from '@/lib/accounts/schema';
import { mailOutbox } from '@/lib/mail/schema';
import { checkIn, dispatchRental, reserveCopy } from '@/lib/rentals/desk';
import { rentalCopies, rentals, rentalWaitlist } from '@/lib/rentals/schema';
import { copyStatuses, createRentableEdition, deskAdmin } from '../support/rentals';
import { outboxMails } from '../support/outbox';
import { first } from '@/tests/support/lists';

type Claims = { userId: number; sessionId: string; sessionVersion: number };

// The "browser": the session the actions see as current, and the cookies they write.
const browser = vi.hoisted(() => ({
  claims: null as Claims | null,
  reissued: [] as Claims[],
  cookies: { set: vi.fn(), delete: vi.fn(), get: vi.fn() },
}));

vi.mock('@/lib/auth/session', async () => {
  const { AuthError } = await import('@/lib/auth/errors');
  const { getSessionUser } = await import('@/lib/accounts/queries');
  return {
    AuthError,
    // As the real ones: the session is checked against the database on every call.
    getCurrentUser: async () => (browser.claims ? await getSessionUser(browser.claims) : null),
    requireUser: async () => {
      const user = browser.claims ? await getSessionUser(browser.claims) : null;
      if (!user) throw new AuthError('unauthenticated');
      return user;
    },
    getCurrentSessionClaims: async () => browser.claims,
    reissueSessionCookie: async (claims: Claims) => {
      browser.reissued.push(claims);
    },
  };
});

vi.mock('next/headers', () => ({
  cookies: async () => browser.cookies,
  headers: async () => new Headers(),
}));

const PASSWORD = 'correct horse battery staple';
let counter = 0;

async function newUser(overrides: { email?: string; username?: string; displayName?: string } = {}) {
  counter++;
  const username = overrides.username ?? `acct${counter}_${Date.now().toString(36)}`;
  const email = overrides.email ?? `${username}@example.com`;
  const result = await registerUser(
    { username, email, password: PASSWORD, displayName: overrides.displayName ?? `User ${counter}` },
    'en',
  );
  if (!result.ok) throw new Error(`registerUser failed: ${JSON.stringify(result.fieldErrors)}`);
  return { id: result.userId, username, email };
}

async function signIn(userId: number): Promise<Claims> {
  const session = await createSession(userId);
  return { userId, sessionId: session.id, sessionVersion: session.sessionVersion };
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

const address = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Ada Lovelace',
  line1: '12 St James Square',
  city: 'London',
  postalCode: 'SW1Y 4JH',
  country: 'GB',
  ...overrides,
});

async function userRow(id: number) {
  const db = await getDb();
  const row = first(await db.select().from(users).where(eq(users.id, id)));
  return row;
}

async function sessionRows(userId: number) {
  const db = await getDb();
  return db.select().from(sessions).where(eq(sessions.userId, userId));
}

async function mailsTo(address: string) {
  return outboxMails({ to: address });
}

beforeEach(() => {
  browser.claims = null;
  browser.reissued = [];
  browser.cookies.set.mockReset();
  browser.cookies.delete.mockReset();
});

describe('changing the email address', () => {
  it('needs the current password', async () => {
    const user = await newUser();
    const result = await changeEmail(user.id, { email: 'new-address@example.com', currentPassword: 'not my password' });
    expect(result).toEqual({ ok: false, fieldErrors: { currentPassword: 'passwordWrong' } });
    expect((await userRow(user.id)).email).toBe(user.email);
    expect(await changeEmail(user.id, { email: 'new-address@example.com', currentPassword: '' })).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: 'required' },
    });
  });

  it('refuses an address another account has in any case or width form', async () => {
    const taken = await newUser({ email: 'taken@example.com' });
    const user = await newUser();
    for (const email of ['Taken@Example.com', '  TAKEN@EXAMPLE.COM ', 'ｔａｋｅｎ@example.com']) {
      const result = await changeEmail(user.id, { email, currentPassword: PASSWORD });
      expect(result.ok).toBe(false);
      expect(result.ok ? null : result.fieldErrors.email).toMatch(/^(emailTaken|emailInvalid)$/);
    }
    expect(await changeEmail(user.id, { email: 'Taken@Example.com', currentPassword: PASSWORD })).toEqual({
      ok: false,
      fieldErrors: { email: 'emailTaken' },
    });
    expect((await userRow(user.id)).email).toBe(user.email);
    expect((await userRow(taken.id)).email).toBe('taken@example.com');
  });

  it('changes it, mails the old address, and the new one signs in', async () => {
    const user = await newUser({ displayName: 'Grace' });
    await requestPasswordReset(user.email, 'en');
    const result = await changeEmail(user.id, { email: ' Grace.New@Example.com ', currentPassword: PASSWORD });
    expect(result).toEqual({ ok: true, email: 'Grace.New@Example.com' });
    const row = await userRow(user.id);
    expect(row).toMatchObject({ email: 'Grace.New@Example.com', emailKey: 'grace.new@example.com' });
    const mails = (await mailsTo(user.email)).filter((m) => m.template === 'emailChanged');
    expect(mails).toHaveLength(1);
    expect(first(mails).text).toContain('Grace.New@Example.com');
    expect(first(mails).userId).toBe(user.id);
    expect(await mailsTo('Grace.New@Example.com')).toHaveLength(0);
    expect((await findSignInAccount('grace.new@example.com'))?.id).toBe(user.id);
    expect(await findSignInAccount(user.email)).toBeNull();
    // The reset link sent to the old address no longer works.
    const db = await getDb();
    const open = await db
      .select()
      .from(passwordResetTokens)
      .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt)));
    expect(open).toHaveLength(0);
  });

  it('through the action: only for the signed-in user', async () => {
    expect(await changeEmailAction(null, form({ email: 'x@example.com', currentPassword: PASSWORD }))).toEqual({
      ok: false,
      fieldErrors: { form: 'unauthenticated' },
    });
    const user = await newUser();
    browser.claims = await signIn(user.id);
    expect(await changeEmailAction(null, form({ email: 'not an email', currentPassword: PASSWORD }))).toEqual({
      ok: false,
      fieldErrors: { email: 'emailInvalid' },
    });
    const ok = await changeEmailAction(
      null,
      form({ email: `${user.username}-2@example.com`, currentPassword: PASSWORD }),
    );
    expect(ok).toMatchObject({ ok: true });
    expect((await userRow(user.id)).email).toBe(`${user.username}-2@example.com`);
  });
});

describe('changing the password', () => {
  it('ends every other session and keeps the current one', async () => {
    const user = await newUser();
    const current = await signIn(user.id);
    const phone = await signIn(user.id);
    const laptop = await signIn(user.id);
    browser.claims = current;

    const result = await changePasswordAction(
      null,
      form({ currentPassword: PASSWORD, newPassword: 'a whole new passphrase', confirm: 'a whole new passphrase' }),
    );
    expect(result).toEqual({ ok: true, message: 'passwordChanged' });

    const row = await userRow(user.id);
    expect(row.sessionVersion).toBe(current.sessionVersion + 1);
    const rows = new Map((await sessionRows(user.id)).map((s) => [s.id, s]));
    expect(rows.get(current.sessionId)?.revokedAt).toBeNull();
    expect(rows.get(phone.sessionId)?.revokedAt).toBeInstanceOf(Date);
    expect(rows.get(laptop.sessionId)?.revokedAt).toBeInstanceOf(Date);

    // This browser got a token with the new version, and it is valid; the old tokens are not.
    expect(browser.reissued).toEqual([{ ...current, sessionVersion: row.sessionVersion }]);
    expect(await getSessionUser(first(browser.reissued))).toMatchObject({ id: user.id });
    expect(await getSessionUser(current)).toBeNull();
    expect(await getSessionUser({ ...phone, sessionVersion: row.sessionVersion })).toBeNull();

    expect((await mailsTo(user.email)).map((m) => m.template)).toContain('passwordChanged');
  });

  it('refuses a wrong current password, a mismatch and a weak password', async () => {
    const user = await newUser();
    browser.claims = await signIn(user.id);
    const attempt = (values: Record<string, string>) => changePasswordAction(null, form(values));
    expect(
      await attempt({
        currentPassword: 'wrong',
        newPassword: 'a whole new passphrase',
        confirm: 'a whole new passphrase',
      }),
    ).toEqual({ ok: false, fieldErrors: { currentPassword: 'passwordWrong' } });
    expect(
      await attempt({ currentPassword: PASSWORD, newPassword: 'a whole new passphrase', confirm: 'another one' }),
    ).toEqual({ ok: false, fieldErrors: { confirm: 'passwordMismatch' } });
    expect(await attempt({ currentPassword: PASSWORD, newPassword: 'short', confirm: 'short' })).toEqual({
      ok: false,
      fieldErrors: { newPassword: 'passwordTooShort' },
    });
    expect(await attempt({ currentPassword: PASSWORD, newPassword: 'password', confirm: 'password' })).toEqual({
      ok: false,
      fieldErrors: { newPassword: 'passwordCommon' },
    });
    expect(browser.reissued).toHaveLength(0);
    expect((await userRow(user.id)).sessionVersion).toBe(browser.claims.sessionVersion);
  });

  it('lets an account without a password set one without the current-password field', async () => {
    const oauth = await resolveOAuthUser({
      provider: 'github',
      providerAccountId: `gh-${Date.now()}`,
      email: `octo-${Date.now()}@example.com`,
      name: 'Octo Cat',
    });
    if (!oauth.ok) throw new Error('OAuth account not created');
    const claims = await signIn(oauth.userId);
    const result = await changeOwnPassword(oauth.userId, claims.sessionId, {
      currentPassword: '',
      newPassword: 'my first passphrase',
      confirm: 'my first passphrase',
    });
    expect(result).toMatchObject({ ok: true });
    expect((await userRow(oauth.userId)).passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe('signing out everywhere', () => {
  it('ends every session, this one too, and clears the cookie', async () => {
    const user = await newUser();
    const current = await signIn(user.id);
    const other = await signIn(user.id);
    browser.claims = current;
    expect(await signOutEverywhereAction(null, form({}))).toMatchObject({ ok: true });
    expect((await sessionRows(user.id)).every((s) => s.revokedAt !== null)).toBe(true);
    expect((await userRow(user.id)).sessionVersion).toBe(current.sessionVersion + 1);
    expect(await getSessionUser(current)).toBeNull();
    expect(await getSessionUser(other)).toBeNull();
    expect(browser.cookies.delete).toHaveBeenCalledWith(
      expect.objectContaining({ name: expect.any(String), path: '/' }),
    );
    // The next action of this browser is no longer signed in.
    expect(await signOutEverywhereAction(null, form({}))).toEqual({
      ok: false,
      fieldErrors: { form: 'unauthenticated' },
    });
  });
});

describe('profile', () => {
  it('saves the display name and language, and switches the site language', async () => {
    const user = await newUser();
    browser.claims = await signIn(user.id);
    expect(await updateProfileAction(null, form({ displayName: '  Ada  ', preferredLocale: 'zh' }))).toMatchObject({
      ok: true,
    });
    expect(await userRow(user.id)).toMatchObject({
      displayName: expect.stringMatching(/^enc1:/),
      preferredLocale: 'zh',
    });
    expect((await getAccountOverview(user.id))?.displayName).toBe('Ada');
    expect(browser.cookies.set).toHaveBeenCalledWith('NEXT_LOCALE', 'zh', expect.any(Object));
    expect(await updateProfile(user.id, { displayName: '', preferredLocale: 'fr' })).toEqual({
      ok: false,
      fieldErrors: { preferredLocale: 'localeInvalid' },
    });
    expect(await updateProfileAction(null, form({ displayName: '', preferredLocale: 'en' }))).toMatchObject({
      ok: true,
    });
    const overview = await getAccountOverview(user.id);
    expect(overview).toMatchObject({ displayName: null, preferredLocale: 'en', hasPassword: true, addressCount: 0 });
    expect(overview).not.toHaveProperty('passwordHash');
  });
});

describe('address book', () => {
  async function defaults(userId: number) {
    return (await listAddresses(userId)).filter((a) => a.isDefault).map((a) => a.id);
  }

  it("another user's address cannot be read, edited, deleted or made default", async () => {
    const owner = await newUser();
    const other = await newUser();
    const created = await createAddress(owner.id, address());
    if (!created.ok) throw new Error('not created');
    const id = created.address.id;
    const before = await getAddress(owner.id, id);

    expect(await getAddress(other.id, id)).toBeNull();
    expect(await updateAddress(other.id, id, address({ fullName: 'Mallory' }))).toEqual({
      ok: false,
      fieldErrors: { form: 'notFound' },
    });
    expect(await deleteAddress(other.id, id)).toEqual({ ok: false, fieldErrors: { form: 'notFound' } });
    expect(await setDefaultAddress(other.id, id)).toEqual({ ok: false, fieldErrors: { form: 'notFound' } });
    expect(await listAddresses(other.id)).toEqual([]);

    // Through the actions, with the other user signed in and the owner's id in the form.
    browser.claims = await signIn(other.id);
    expect(await updateAddressAction(null, form({ id: String(id), ...address({ fullName: 'Mallory' }) }))).toEqual({
      ok: false,
      fieldErrors: { form: 'notFound' },
    });
    expect(await deleteAddressAction(null, form({ id: String(id) }))).toEqual({
      ok: false,
      fieldErrors: { form: 'notFound' },
    });
    expect(await deleteAddressAction(null, form({ id: '1 or 1=1' }))).toEqual({
      ok: false,
      fieldErrors: { form: 'notFound' },
    });

    expect(await getAddress(owner.id, id)).toEqual(before);
  });

  it('keeps exactly one default: the first, then the one chosen, then the oldest left', async () => {
    const user = await newUser();
    const firstAddress = await createAddress(user.id, address({ fullName: 'First' }));
    const second = await createAddress(user.id, address({ fullName: 'Second', isDefault: false }));
    const third = await createAddress(user.id, address({ fullName: 'Third', isDefault: true }));
    if (!firstAddress.ok || !second.ok || !third.ok) throw new Error('not created');
    expect(firstAddress.address.isDefault).toBe(true);
    expect(second.address.isDefault).toBe(false);
    expect(await defaults(user.id)).toEqual([third.address.id]);
    expect(first(await listAddresses(user.id)).id).toBe(third.address.id);

    expect(await setDefaultAddress(user.id, second.address.id)).toEqual({ ok: true });
    expect(await defaults(user.id)).toEqual([second.address.id]);

    // The default cannot be un-made by editing it; another one can be made the default by editing.
    await updateAddress(user.id, second.address.id, address({ fullName: 'Second', isDefault: false }));
    expect(await defaults(user.id)).toEqual([second.address.id]);
    await updateAddress(user.id, firstAddress.address.id, address({ fullName: 'First, edited', isDefault: true }));
    expect(await defaults(user.id)).toEqual([firstAddress.address.id]);
    expect((await getAddress(user.id, firstAddress.address.id))?.fullName).toBe('First, edited');

    // Deleting the default promotes the oldest remaining address.
    expect(await deleteAddress(user.id, firstAddress.address.id)).toEqual({ ok: true });
    expect(await defaults(user.id)).toEqual([second.address.id]);
    await deleteAddress(user.id, second.address.id);
    expect(await defaults(user.id)).toEqual([third.address.id]);
    await deleteAddress(user.id, third.address.id);
    expect(await listAddresses(user.id)).toEqual([]);
  });

  it('validates fields and limits the book', async () => {
    const user = await newUser();
    expect(await createAddress(user.id, address({ country: 'XX', fullName: ' ', phone: 'call me' }))).toEqual({
      ok: false,
      fieldErrors: { country: 'countryInvalid', fullName: 'required', phone: 'phoneInvalid' },
    });
    browser.claims = await signIn(user.id);
    const viaAction = await createAddressAction(
      null,
      form({ ...address({ country: 'cn', line2: '', region: '', phone: '' }), isDefault: 'on' }),
    );
    expect(viaAction).toMatchObject({ ok: true });
    expect((await listAddresses(user.id))[0]).toMatchObject({ country: 'CN', line2: null, region: null, phone: null });
    for (let i = 1; i < MAX_ADDRESSES; i++) await createAddress(user.id, address({ fullName: `N${i}` }));
    expect(await createAddress(user.id, address())).toEqual({ ok: false, fieldErrors: { form: 'addressLimit' } });
    expect(await listAddresses(user.id)).toHaveLength(MAX_ADDRESSES);
  });

  it('names countries in the reader’s language', () => {
    const en = listCountries('en');
    const zh = listCountries('zh');
    expect(en).toHaveLength(249);
    expect(en.find((c) => c.code === 'DE')?.name).toBe('Germany');
    expect(zh.find((c) => c.code === 'DE')?.name).toBe('德国');
  });
});

describe('deleting the account', () => {
  it('refuses a wrong password and changes nothing', async () => {
    const user = await newUser();
    await createAddress(user.id, address());
    expect(await deleteAccount(user.id, { confirmation: 'nope' })).toEqual({
      ok: false,
      fieldErrors: { confirmation: 'passwordWrong' },
    });
    expect(await userRow(user.id)).toMatchObject({ email: user.email, deletedAt: null });
    expect(await listAddresses(user.id)).toHaveLength(1);
  });

  it('scrubs every personal field, removes addresses, sessions and links, and frees the email', async () => {
    const user = await newUser({ displayName: 'To Be Deleted' });
    const db = await getDb();
    await createAddress(user.id, address());
    await createAddress(user.id, address({ fullName: 'Second' }));
    await db.insert(oauthAccounts).values({ provider: 'github', providerAccountId: `del-${user.id}`, userId: user.id });
    await requestPasswordReset(user.email, 'en');
    const current = await signIn(user.id);
    await signIn(user.id);
    const before = await userRow(user.id);
    browser.claims = current;

    expect(await deleteAccountAction(null, form({ confirmation: PASSWORD }))).toEqual({
      ok: true,
      message: 'accountDeleted',
    });

    const row = await userRow(user.id);
    expect(row).toMatchObject({
      id: user.id,
      username: `deleted-${user.id}`,
      usernameKey: `deleted-${user.id}`,
      email: null,
      emailKey: null,
      displayName: null,
      passwordHash: null,
      preferredLocale: null,
      sessionVersion: before.sessionVersion + 1,
    });
    expect(row.deletedAt).toBeInstanceOf(Date);
    expect(await db.select().from(addresses).where(eq(addresses.userId, user.id))).toEqual([]);
    expect(await db.select().from(oauthAccounts).where(eq(oauthAccounts.userId, user.id))).toEqual([]);
    expect(await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, user.id))).toEqual([]);
    expect(await sessionRows(user.id)).toEqual([]);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id))).toEqual([]);
    expect(await getSessionUser(current)).toBeNull();
    expect(await getAccountOverview(user.id)).toBeNull();
    expect(await findSignInAccount(user.email)).toBeNull();
    expect(await deleteAccountAction(null, form({ confirmation: PASSWORD }))).toEqual({
      ok: false,
      fieldErrors: { form: 'unauthenticated' },
    });

    // The email address and the username can be registered again, by a new account.
    const again = await registerUser({ username: user.username, email: user.email, password: PASSWORD }, 'en');
    expect(again).toMatchObject({ ok: true });
    expect(again.ok && again.userId).not.toBe(user.id);
  });

  it('asks an account without a password for its username', async () => {
    const oauth = await resolveOAuthUser({
      provider: 'google',
      providerAccountId: `g-${Date.now()}`,
      email: `oauth-del-${Date.now()}@example.com`,
      name: null,
    });
    if (!oauth.ok) throw new Error('OAuth account not created');
    const { username } = await userRow(oauth.userId);
    expect(await deleteAccount(oauth.userId, { confirmation: 'someone-else' })).toEqual({
      ok: false,
      fieldErrors: { confirmation: 'usernameWrong' },
    });
    expect(await deleteAccount(oauth.userId, { confirmation: ` ${username.toUpperCase()} ` })).toEqual({ ok: true });
    expect(await userRow(oauth.userId)).toMatchObject({ email: null, username: `deleted-${oauth.userId}` });
  });

  it('waits for rentals to come back, then keeps them and ends the waitlist places (a held copy back on the shelf)', async () => {
    const user = await newUser();
    const admin = await deskAdmin();
    const db = await getDb();
    const { editionId, codes } = await createRentableEdition({ copies: 1 });
    const reserved = await reserveCopy({ editionId, userId: user.id, periodDays: 7, now: new Date() });
    if (!reserved.ok) throw new Error(reserved.error);
    const refused = { ok: false, fieldErrors: { form: 'rentalsOut' } };
    expect(await deleteAccount(user.id, { confirmation: PASSWORD })).toEqual(refused); // held for the shopper
    expect(await dispatchRental(admin, { rentalId: reserved.rental.id, now: new Date() })).toMatchObject({ ok: true });
    expect(await deleteAccount(user.id, { confirmation: PASSWORD })).toEqual(refused); // with the shopper
    expect((await userRow(user.id)).deletedAt).toBeNull();
    expect(await checkIn(admin, { code: first(codes), now: new Date() })).toMatchObject({ ok: true });

    // An offer holding a copy of another edition, and a place in a third edition's line.
    const offered = await createRentableEdition({ copies: 1 });
    const waited = await createRentableEdition({ copies: 0 });
    const [held] = await db
      .update(rentalCopies)
      .set({ status: 'reserved' })
      .where(eq(rentalCopies.editionId, offered.editionId))
      .returning({ id: rentalCopies.id });
    const inAnHour = new Date(Date.now() + 3_600_000);
    await db.insert(rentalWaitlist).values([
      {
        editionId: offered.editionId,
        userId: user.id,
        status: 'offered',
        copyId: held?.id,
        offeredAt: new Date(),
        offerExpiresAt: inAnHour,
      },
      { editionId: waited.editionId, userId: user.id },
    ]);

    expect(await deleteAccount(user.id, { confirmation: PASSWORD })).toEqual({ ok: true });
    // The rental stays (it belongs to the order and the shop's records), like orders; the mail about it went.
    expect(await db.select({ status: rentals.status }).from(rentals).where(eq(rentals.userId, user.id))).toEqual([
      { status: 'returned' },
    ]);
    expect(await db.select().from(mailOutbox).where(eq(mailOutbox.userId, user.id))).toEqual([]);
    expect(await db.select().from(rentalWaitlist).where(eq(rentalWaitlist.userId, user.id))).toEqual([]);
    expect(await copyStatuses(offered.editionId)).toEqual(['available']);
  });

  it('keeps the placeholder name unique and refuses admins', async () => {
    const user = await newUser();
    await newUser({ username: `deleted-${user.id}` });
    expect(await deleteAccount(user.id, { confirmation: PASSWORD })).toEqual({ ok: true });
    expect((await userRow(user.id)).username).toMatch(new RegExp(`^deleted-${user.id}-[0-9a-f]{8}$`));

    const admin = await newUser();
    const db = await getDb();
    await db.update(users).set({ role: 'admin' }).where(eq(users.id, admin.id));
    expect(await deleteAccount(admin.id, { confirmation: PASSWORD })).toEqual({
      ok: false,
      fieldErrors: { form: 'adminCannotDelete' },
    });
    expect((await userRow(admin.id)).deletedAt).toBeNull();
  });
});
