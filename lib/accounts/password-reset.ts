import 'server-only';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import type { Locale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import { normalizeKey } from '@/lib/security/normalize-key';
import { endAllSessions, type Result, weakPassword } from './mutations';
import { passwordProblem } from './password-strength';
import { mailRecipientColumns } from './queries';
import { hashPassword } from './passwords';
import { nameOrUsername, openDisplayName } from './sealed';
import { hashResetToken, RESET_TOKEN_MINUTES } from './reset-links';
import { passwordResetTokens, users } from './schema';
import { fieldErrors, registerSchema } from './validation';

// Forgotten passwords: the mailed one-time link, checking it, and setting a new password with it.

/**
 * Sends a password reset link when an account has this email. Says nothing either way: the caller
 * shows the same answer whether or not the account exists. The mail holds no token: the link is
 * issued when the mail is sent (lib/accounts/reset-links.ts), and only while the account keeps the
 * session version it has now.
 */
export async function requestPasswordReset(email: string, fallbackLocale: Locale): Promise<void> {
  const db = await getDb();
  const [user] = await db
    .select({ ...mailRecipientColumns, sessionVersion: users.sessionVersion })
    .from(users)
    .where(and(eq(users.emailKey, normalizeKey(email)), isNull(users.deletedAt), isNull(users.disabledAt)));
  if (!user?.email) return;
  await enqueueMail(db, {
    to: user.email,
    locale: user.locale === 'zh' || user.locale === 'en' ? user.locale : fallbackLocale,
    template: 'passwordReset',
    data: {
      name: nameOrUsername(user.name, user.username),
      url: secretLinks.passwordReset(user.sessionVersion),
      expiresMinutes: RESET_TOKEN_MINUTES,
    },
    userId: user.id,
  });
  sendMailSoon();
}

/** Whether a reset token is currently usable (for the reset page, before asking for a password). */
export async function isResetTokenValid(token: string): Promise<boolean> {
  if (!token || token.length > 200) return false;
  const db = await getDb();
  const [row] = await db
    .select({ id: passwordResetTokens.id })
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, hashResetToken(token)),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, new Date()),
      ),
    );
  return Boolean(row);
}

/**
 * Sets a new password from a reset link: the token is consumed atomically (a second use fails), and
 * every session of the account ends. Returns the account's id (the caller trusts the browser that
 * followed the link: it proved it owns the mailbox).
 */
export async function resetPassword(token: string, password: string): Promise<Result<{ userId: number }>> {
  if (!token || token.length > 200) return { ok: false, fieldErrors: { form: 'resetInvalid' } };
  const db = await getDb();
  const [owner] = await db
    .select({
      userId: passwordResetTokens.userId,
      username: users.username,
      email: users.email,
      displayName: users.displayName,
    })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, hashResetToken(token)));
  const length = registerSchema.shape.password.safeParse(password);
  if (!length.success) return { ok: false, fieldErrors: fieldErrors(length.error) };
  const problem = owner
    ? passwordProblem(password, { ...owner, displayName: openDisplayName(owner.displayName) })
    : null;
  if (problem) return weakPassword('password', problem);
  const passwordHash = await hashPassword(password);
  const userId = await db.transaction(async (tx) => {
    const [used] = await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(
        and(
          eq(passwordResetTokens.tokenHash, hashResetToken(token)),
          isNull(passwordResetTokens.usedAt),
          gt(passwordResetTokens.expiresAt, new Date()),
        ),
      )
      .returning({ userId: passwordResetTokens.userId });
    if (!used) return null;
    await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, used.userId));
    // Any other outstanding links for this account die with this one.
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, used.userId), isNull(passwordResetTokens.usedAt)));
    return used.userId;
  });
  if (!userId) return { ok: false, fieldErrors: { form: 'resetInvalid' } };
  await endAllSessions(userId);
  return { ok: true, userId };
}
