import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { safeString } from '@/lib/validation/text';
import { getDb } from '@/db';
import { type Locale, LOCALES, toLocale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { consumeRateLimits, type Limit } from '@/lib/security/rate-limit';
import { changePassword, endAllSessions, type Result } from './mutations';
import { normalizeKey } from '@/lib/security/normalize-key';
import { verifyPassword } from './passwords';
import { addresses, passwordResetTokens, users } from './schema';
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

export const notFound = { ok: false, fieldErrors: { form: 'notFound' } } as const;
export const throttled = { ok: false, fieldErrors: { form: 'throttled' } } as const;

function isUniqueViolation(error: unknown, constraint: string): boolean {
  const e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === '23505') return (e.constraint ?? e.constraint_name ?? '').includes(constraint);
  return e?.cause ? isUniqueViolation(e.cause, constraint) : false;
}

/** Whether the user may make one more attempt that checks their current password (see reauthLimit). */
export async function withinReauthLimit(userId: number): Promise<boolean> {
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
  const addressCount = await db.$count(addresses, eq(addresses.userId, userId));
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
          locale: toLocale(user.locale),
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
