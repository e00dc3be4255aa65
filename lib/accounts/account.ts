import 'server-only';
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { safeString } from '@/lib/validation/text';
import { getDb, queryRows } from '@/db';
import { LOCALES, type Locale } from '@/lib/i18n/config';
import { deleteMailOf, enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { lockOrdersAndCheckOpenReturns, userHasOpenReturn } from '@/lib/orders/open-returns';
import { expireProductReviews } from '@/lib/reviews/invalidate';
import { listReviewedProducts } from '@/lib/reviews/mutations';
import { consumeRateLimits, type Limit } from '@/lib/security/rate-limit';
import { changePassword, endAllSessions, type Result } from './mutations';
import { normalizeKey } from './normalize';
import { verifyPassword } from './passwords';
import { addresses, oauthAccounts, passwordResetTokens, sessions, users } from './schema';
import { nameOrUsername, openDisplayName, sealDisplayName } from './sealed';
import { displayNameSchema, emailSchema, fieldErrors, PASSWORD_MAX } from './validation';

/**
 * The account centre (/account): what a signed-in user may read and change about their own account.
 * Every function takes the acting user's id (from requireUser(), never from the client) and touches
 * only that user's rows. Inputs are `unknown` and validated here with zod; expected failures come back
 * as `{ ok: false, fieldErrors: { field: messageKey } }`.
 */

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
    displayName: openDisplayName(row.displayName),
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
    .set({
      ...sealDisplayName(parsed.data.displayName),
      preferredLocale: parsed.data.preferredLocale,
      updatedAt: new Date(),
    })
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .returning({ id: users.id });
  if (!row) return notFound;
  return { ok: true, ...parsed.data };
}

// ---------------------------------------------------------------------------------------------
// Security: email, password, sessions

export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: safeString({ message: 'passwordWrong' }).min(1, 'required').max(PASSWORD_MAX, 'passwordWrong'),
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
          data: { name: nameOrUsername(user.displayName, user.username), newEmail: email },
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
    currentPassword: safeString({ message: 'passwordWrong' }).max(PASSWORD_MAX, 'passwordWrong'),
    newPassword: safeString(),
    confirm: safeString(),
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
// Deleting the account

export const deleteAccountSchema = z.object({
  confirmation: safeString({ message: 'confirmationWrong' }).min(1, 'required').max(PASSWORD_MAX, 'confirmationWrong'),
});

/**
 * Deletes the user's account. `confirmation` is the current password, or, for an account without
 * one (OAuth only), the username. In one transaction: every personal field of the user row is
 * cleared (username becomes `deleted-<id>`; email, display name, password, language become null),
 * `deletedAt` is set and the session version bumped; addresses, OAuth links, reset links, sessions
 * and the account's mail in the outbox (tagged with it, or to its address) are deleted. The row itself stays, so that orders keep
 * pointing at it; the email address and username are free to register again.
 * Refused while an order is on its way or a return is open (requested, approved or received): the
 * store needs the address until then.
 * Admin accounts cannot be deleted here (the store must not lose its last admin by accident).
 */
export async function deleteAccount(userId: number, input: unknown): Promise<Result> {
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const db = await getDb();
  const [user] = await db
    .select({ passwordHash: users.passwordHash, usernameKey: users.usernameKey, role: users.role, email: users.email })
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
  // A return being handled needs the customer's address until it is refunded or rejected.
  if (await userHasOpenReturn(userId)) return { ok: false, fieldErrors: { form: 'returnOpen' } };
  if (!(await withinReauthLimit(userId))) return throttled;
  const confirmed = user.passwordHash
    ? await verifyPassword(user.passwordHash, parsed.data.confirmation)
    : normalizeKey(parsed.data.confirmation) === user.usernameKey;
  if (!confirmed) {
    return { ok: false, fieldErrors: { confirmation: user.passwordHash ? 'passwordWrong' : 'usernameWrong' } };
  }
  const deleted = await db.transaction(async (tx) => {
    // Checked again with the orders locked: a return requested meanwhile is seen here, or waits and is refused.
    if (await lockOrdersAndCheckOpenReturns(tx, userId)) return 'returnOpen' as const;
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
        blindIndex: null,
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
    // Its mail too: tagged with the account, or sent to its address (orders it placed as a guest).
    await deleteMailOf(tx, { userId, email: user.email });
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
  if (deleted === 'returnOpen') return { ok: false, fieldErrors: { form: 'returnOpen' } };
  if (deleted) expireProductReviews(await listReviewedProducts(db, userId));
  return deleted ? { ok: true } : notFound;
}
