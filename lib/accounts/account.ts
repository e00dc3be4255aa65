import 'server-only';
import { and, asc, count, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, queryRows, type Transaction } from '@/db';
import { LOCALES, type Locale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { mailOutbox } from '@/lib/mail/schema';
import { expireProductReviews } from '@/lib/reviews/invalidate';
import { listReviewedProducts } from '@/lib/reviews/mutations';
import { consumeRateLimits, type Limit } from '@/lib/security/rate-limit';
import { changePassword, endAllSessions, type Result } from './mutations';
import { normalizeKey } from './normalize';
import { verifyPassword } from './passwords';
import { addresses, oauthAccounts, passwordResetTokens, sessions, users } from './schema';
import {
  addressSchema,
  displayNameSchema,
  emailSchema,
  fieldErrors,
  PASSWORD_MAX,
  type AddressInput,
} from './validation';

/**
 * The account centre (/account): what a signed-in user may read and change about their own account.
 * Every function takes the acting user's id (from requireUser(), never from the client) and touches
 * only that user's rows. Inputs are `unknown` and validated here with zod; expected failures come back
 * as `{ ok: false, fieldErrors: { field: messageKey } }`.
 */

/** An address book holds at most this many addresses. */
export const MAX_ADDRESSES = 20;

/**
 * Attempts that check the current password (email change, password change, account deletion), per
 * account: a stolen session cannot be used to guess the password behind it.
 */
const reauthLimit = (userId: number): Limit => ({ key: `account:reauth:${userId}`, limit: 10, windowSeconds: 15 * 60 });

const notFound = { ok: false, fieldErrors: { form: 'notFound' } } as const;
const throttled = { ok: false, fieldErrors: { form: 'throttled' } } as const;

const mailLocale = (locale: string | null): Locale => (locale === 'zh' ? 'zh' : 'en');

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === '23505') return (e.constraint ?? e.constraint_name ?? '').includes(constraint);
  return e?.cause ? isUniqueViolation(e.cause, constraint) : false;
}

async function withinReauthLimit(userId: number): Promise<boolean> {
  return (await consumeRateLimits([reauthLimit(userId)])).allowed;
}

/** Locks the user's row for the rest of the transaction, so address-book writes of one user run one at a time. */
async function lockLiveUser(tx: Transaction, userId: number): Promise<boolean> {
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .for('update');
  return Boolean(row);
}

// ---------------------------------------------------------------------------------------------
// Overview and profile

export type AccountOverview = {
  username: string;
  email: string | null;
  displayName: string | null;
  preferredLocale: Locale | null;
  hasPassword: boolean;
  role: 'customer' | 'admin';
  memberSince: Date;
  addressCount: number;
};

/** The account as the overview page shows it; null for a deleted or unknown account. */
export async function getAccountOverview(userId: number): Promise<AccountOverview | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      username: users.username,
      email: users.email,
      displayName: users.displayName,
      preferredLocale: users.preferredLocale,
      passwordHash: users.passwordHash,
      role: users.role,
      createdAt: users.createdAt,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!row) return null;
  const [{ value: addressCount }] = await db
    .select({ value: count() })
    .from(addresses)
    .where(eq(addresses.userId, userId));
  return {
    username: row.username,
    email: row.email,
    displayName: row.displayName,
    preferredLocale: LOCALES.find((l) => l === row.preferredLocale) ?? null,
    hasPassword: row.passwordHash !== null,
    role: row.role,
    memberSince: row.createdAt,
    addressCount: Number(addressCount),
  };
}

export const profileSchema = z.object({
  displayName: displayNameSchema,
  preferredLocale: z.enum(LOCALES, 'localeInvalid'),
});

/** Sets the display name and the preferred language (used for mail and, through a cookie, the site). */
export async function updateProfile(
  userId: number,
  input: unknown,
): Promise<Result<{ displayName: string | null; preferredLocale: Locale }>> {
  const parsed = profileSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  const [row] = await db
    .update(users)
    .set({ displayName: parsed.data.displayName, preferredLocale: parsed.data.preferredLocale, updatedAt: new Date() })
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .returning({ id: users.id });
  if (!row) return notFound;
  return { ok: true, ...parsed.data };
}

// ---------------------------------------------------------------------------------------------
// Security: email, password, sessions

export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: z.string().min(1, 'required').max(PASSWORD_MAX, 'passwordWrong'),
});

/**
 * Changes the sign-in email after checking the current password. The new address must not belong to
 * another account in any case or width form (unique by normalized key). The old address is told
 * (`emailChanged` mail, written in the same transaction), and outstanding password-reset links, which
 * went to the old address, stop working. Accounts without a password must set one first.
 */
export async function changeEmail(userId: number, input: unknown): Promise<Result<{ email: string }>> {
  const parsed = changeEmailSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const { email, currentPassword } = parsed.data;
  const db = await getDb();
  const [user] = await db
    .select({
      email: users.email,
      passwordHash: users.passwordHash,
      username: users.username,
      displayName: users.displayName,
      locale: users.preferredLocale,
    })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!user) return notFound;
  if (!user.passwordHash) return { ok: false, fieldErrors: { currentPassword: 'passwordNeeded' } };
  if (!(await withinReauthLimit(userId))) return throttled;
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: 'passwordWrong' } };
  }
  const emailKey = normalizeKey(email);
  if (user.email === email) return { ok: false, fieldErrors: { email: 'emailUnchanged' } };
  try {
    await db.transaction(async (tx) => {
      await tx.update(users).set({ email, emailKey, updatedAt: new Date() }).where(eq(users.id, userId));
      await tx
        .update(passwordResetTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
      if (user.email) {
        await enqueueMail(tx, {
          to: user.email,
          locale: mailLocale(user.locale),
          template: 'emailChanged',
          data: { name: user.displayName ?? user.username, newEmail: email },
          userId,
        });
      }
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) return { ok: false, fieldErrors: { email: 'emailTaken' } };
    throw error;
  }
  if (user.email) sendMailSoon();
  return { ok: true, email };
}

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().max(PASSWORD_MAX, 'passwordWrong'),
    newPassword: z.string(),
    confirm: z.string(),
  })
  .refine((v) => v.newPassword === v.confirm, { path: ['confirm'], message: 'passwordMismatch' });

/**
 * Changes (or, for an account without one, sets) the password through `changePassword`: checks the
 * current password when there is one, applies the registration rules to the new one, ends every
 * session but `currentSessionId` and mails the account. Returns the new session version, which the
 * caller must write into the current session's token (`reissueSessionCookie`).
 */
export async function changeOwnPassword(
  userId: number,
  currentSessionId: string,
  input: unknown,
): Promise<Result<{ sessionVersion: number }>> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  const [user] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!user) return notFound;
  if (user.passwordHash && !parsed.data.currentPassword) {
    return { ok: false, fieldErrors: { currentPassword: 'required' } };
  }
  if (!(await withinReauthLimit(userId))) return throttled;
  return changePassword(userId, currentSessionId, {
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.newPassword,
  });
}

/** "Sign out everywhere": ends every session of the account, this one included. */
export async function signOutEverywhere(userId: number): Promise<Result> {
  await endAllSessions(userId);
  return { ok: true };
}

// ---------------------------------------------------------------------------------------------
// Address book

export type AddressView = {
  id: number;
  fullName: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  phone: string | null;
  isDefault: boolean;
};

const addressView = {
  id: addresses.id,
  fullName: addresses.fullName,
  line1: addresses.line1,
  line2: addresses.line2,
  city: addresses.city,
  region: addresses.region,
  postalCode: addresses.postalCode,
  country: addresses.country,
  phone: addresses.phone,
  isDefault: addresses.isDefault,
};

/** ISO 3166-1 alpha-2 codes (the 249 officially assigned ones). */
// prettier-ignore
export const COUNTRY_CODES = [
  'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ', 'BA', 'BB', 'BD',
  'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS', 'BT', 'BV', 'BW', 'BY', 'BZ', 'CA',
  'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW', 'CX', 'CY', 'CZ', 'DE',
  'DJ', 'DK', 'DM', 'DO', 'DZ', 'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET', 'FI', 'FJ', 'FK', 'FM', 'FO', 'FR', 'GA',
  'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT', 'GU', 'GW', 'GY', 'HK',
  'HM', 'HN', 'HR', 'HT', 'HU', 'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT', 'JE', 'JM', 'JO', 'JP',
  'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ', 'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT',
  'LU', 'LV', 'LY', 'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS',
  'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ', 'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ',
  'OM', 'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY', 'QA', 'RE', 'RO', 'RS',
  'RU', 'RW', 'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS', 'ST',
  'SV', 'SX', 'SY', 'SZ', 'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW',
  'TZ', 'UA', 'UG', 'UM', 'US', 'UY', 'UZ', 'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU', 'WF', 'WS', 'YE', 'YT', 'ZA',
  'ZM', 'ZW',
] as const;

const countryCodes = new Set<string>(COUNTRY_CODES);

/** The country choices of the address form: every ISO code with its name in `locale`, sorted by name. */
export function listCountries(locale: Locale): { code: string; name: string }[] {
  const tag = locale === 'zh' ? 'zh-CN' : 'en';
  const names = new Intl.DisplayNames([tag], { type: 'region', fallback: 'code' });
  const collator = new Intl.Collator(tag);
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    collator.compare(a.name, b.name),
  );
}

/** `addressSchema`, limited to assigned ISO country codes. */
export const accountAddressSchema = addressSchema.refine((a) => countryCodes.has(a.country), {
  path: ['country'],
  message: 'countryInvalid',
});

const addressIdSchema = z.coerce.number().int().positive().max(2_147_483_647);

/** The user's addresses, the default first, then oldest first. */
export async function listAddresses(userId: number): Promise<AddressView[]> {
  const db = await getDb();
  return db
    .select(addressView)
    .from(addresses)
    .where(eq(addresses.userId, userId))
    .orderBy(desc(addresses.isDefault), asc(addresses.createdAt), asc(addresses.id));
}

/** One of the user's addresses; null when it does not exist or belongs to someone else. */
export async function getAddress(userId: number, addressId: unknown): Promise<AddressView | null> {
  const id = addressIdSchema.safeParse(addressId);
  if (!id.success) return null;
  const db = await getDb();
  const [row] = await db
    .select(addressView)
    .from(addresses)
    .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)));
  return row ?? null;
}

const addressValues = (data: AddressInput) => ({
  fullName: data.fullName,
  line1: data.line1,
  line2: data.line2 ?? null,
  city: data.city,
  region: data.region ?? null,
  postalCode: data.postalCode,
  country: data.country,
  phone: data.phone ?? null,
});

/**
 * Adds an address. The first address of a book is the default; `isDefault` makes a later one the
 * default (and the previous default an ordinary address). At most MAX_ADDRESSES.
 */
export async function createAddress(userId: number, input: unknown): Promise<Result<{ address: AddressView }>> {
  const parsed = accountAddressSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<{ address: AddressView }>> => {
    if (!(await lockLiveUser(tx, userId))) return notFound;
    const [{ value: existing }] = await tx
      .select({ value: count() })
      .from(addresses)
      .where(eq(addresses.userId, userId));
    if (Number(existing) >= MAX_ADDRESSES) return { ok: false, fieldErrors: { form: 'addressLimit' } };
    const isDefault = Number(existing) === 0 || parsed.data.isDefault === true;
    if (isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    const [address] = await tx
      .insert(addresses)
      .values({ userId, ...addressValues(parsed.data), isDefault })
      .returning(addressView);
    return { ok: true, address };
  });
}

/**
 * Edits one of the user's addresses; another user's address id is "not found" and nothing changes.
 * `isDefault: true` makes it the default; the default cannot be un-made (choose another one instead),
 * so a non-empty address book always has exactly one default.
 */
export async function updateAddress(
  userId: number,
  addressId: unknown,
  input: unknown,
): Promise<Result<{ address: AddressView }>> {
  const id = addressIdSchema.safeParse(addressId);
  if (!id.success) return notFound;
  const parsed = accountAddressSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result<{ address: AddressView }>> => {
    if (!(await lockLiveUser(tx, userId))) return notFound;
    const [current] = await tx
      .select({ isDefault: addresses.isDefault })
      .from(addresses)
      .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)));
    if (!current) return notFound;
    const isDefault = current.isDefault || parsed.data.isDefault === true;
    if (isDefault && !current.isDefault) {
      await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
    }
    const [address] = await tx
      .update(addresses)
      .set({ ...addressValues(parsed.data), isDefault })
      .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)))
      .returning(addressView);
    return { ok: true, address };
  });
}

/** Deletes one of the user's addresses; when it was the default, the oldest remaining one becomes the default. */
export async function deleteAddress(userId: number, addressId: unknown): Promise<Result> {
  const id = addressIdSchema.safeParse(addressId);
  if (!id.success) return notFound;
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result> => {
    if (!(await lockLiveUser(tx, userId))) return notFound;
    const [deleted] = await tx
      .delete(addresses)
      .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)))
      .returning({ isDefault: addresses.isDefault });
    if (!deleted) return notFound;
    if (deleted.isDefault) {
      const [next] = await tx
        .select({ id: addresses.id })
        .from(addresses)
        .where(eq(addresses.userId, userId))
        .orderBy(asc(addresses.createdAt), asc(addresses.id))
        .limit(1);
      if (next) await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, next.id));
    }
    return { ok: true };
  });
}

/** Makes one of the user's addresses the default (and every other one not). */
export async function setDefaultAddress(userId: number, addressId: unknown): Promise<Result> {
  const id = addressIdSchema.safeParse(addressId);
  if (!id.success) return notFound;
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result> => {
    if (!(await lockLiveUser(tx, userId))) return notFound;
    const [owned] = await tx
      .select({ id: addresses.id })
      .from(addresses)
      .where(and(eq(addresses.id, id.data), eq(addresses.userId, userId)));
    if (!owned) return notFound;
    await tx
      .update(addresses)
      .set({ isDefault: sql`${addresses.id} = ${id.data}` })
      .where(eq(addresses.userId, userId));
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// Deleting the account

export const deleteAccountSchema = z.object({
  confirmation: z.string().min(1, 'required').max(PASSWORD_MAX, 'confirmationWrong'),
});

/**
 * Deletes the user's account. `confirmation` is the current password, or, for an account without
 * one (OAuth only), the username. In one transaction: every personal field of the user row is
 * cleared (username becomes `deleted-<id>`; email, display name, password, language become null),
 * `deletedAt` is set and the session version bumped; addresses, OAuth links, reset links, sessions
 * and the account's mail in the outbox are deleted. The row itself stays, so that orders keep
 * pointing at it; the email address and username are free to register again.
 * Admin accounts cannot be deleted here (the store must not lose its last admin by accident).
 */
export async function deleteAccount(userId: number, input: unknown): Promise<Result> {
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  const [user] = await db
    .select({ passwordHash: users.passwordHash, usernameKey: users.usernameKey, role: users.role })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)));
  if (!user) return notFound;
  if (user.role === 'admin') return { ok: false, fieldErrors: { form: 'adminCannotDelete' } };
  // Orders on their way keep their contact address until they arrive or are cancelled.
  const [open] = await queryRows(
    db,
    sql`select 1 from orders where user_id = ${userId} and status in ('pending_payment', 'paid', 'shipped', 'needs_review') limit 1`,
  );
  if (open) return { ok: false, fieldErrors: { form: 'ordersInProgress' } };
  if (!(await withinReauthLimit(userId))) return throttled;
  const confirmed = user.passwordHash
    ? await verifyPassword(user.passwordHash, parsed.data.confirmation)
    : normalizeKey(parsed.data.confirmation) === user.usernameKey;
  if (!confirmed) {
    return { ok: false, fieldErrors: { confirmation: user.passwordHash ? 'passwordWrong' : 'usernameWrong' } };
  }
  const deleted = await db.transaction(async (tx) => {
    // Someone may have registered the placeholder name itself; then a suffix keeps it unique.
    let placeholder = `deleted-${userId}`;
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.usernameKey, placeholder), ne(users.id, userId)));
    if (clash) placeholder = `deleted-${userId}-${crypto.randomUUID().slice(0, 8)}`;
    const [row] = await tx
      .update(users)
      .set({
        username: placeholder,
        usernameKey: placeholder,
        email: null,
        emailKey: null,
        displayName: null,
        passwordHash: null,
        preferredLocale: null,
        deletedAt: new Date(),
        updatedAt: new Date(),
        sessionVersion: sql`${users.sessionVersion} + 1`,
      })
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .returning({ id: users.id });
    if (!row) return false;
    await tx.delete(addresses).where(eq(addresses.userId, userId));
    await tx.delete(oauthAccounts).where(eq(oauthAccounts.userId, userId));
    await tx.delete(passwordResetTokens).where(eq(passwordResetTokens.userId, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await tx.delete(mailOutbox).where(eq(mailOutbox.userId, userId));
    // Orders stay (accounting, tax, returns) but lose the contact address; the account's signals go.
    await tx.execute(sql`update orders set email = null, updated_at = now() where user_id = ${userId}`);
    await tx.execute(sql`delete from interaction_events where user_id = ${userId}`);
    await tx.execute(sql`delete from carts where user_id = ${userId}`);
    // The wishlist goes. Reviews stay (other shoppers relied on them) but are anonymized: with the name
    // cleared above they show as "Deleted account" (lib/reviews/queries.ts).
    await tx.execute(sql`delete from wishlist_items where user_id = ${userId}`);
    await tx.execute(sql`delete from wishlist_notifications where user_id = ${userId}`);
    return true;
  });
  if (deleted) expireProductReviews(await listReviewedProducts(db, userId));
  return deleted ? { ok: true } : notFound;
}
