import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { MESSAGES } from '@/lib/i18n/messages';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { type FieldErrors, insertAccount, isUniqueViolation } from './create-account';
import { normalizeKey } from '@/lib/security/normalize-key';
import { type PasswordFeedback, type PasswordProblem, passwordProblem } from './password-strength';
import { hashPassword, verifyPassword } from './passwords';
import { nameOrUsername, openDisplayName, sealDisplayName } from './sealed';
import { usernameIsFree } from './registration';
import { oauthAccounts, passwordResetTokens, sessions, users } from './schema';
import { emailSchema, fieldErrors, type RegisterInput, registerSchema } from './validation';
import { type Locale, toLocale } from '@/lib/i18n/config';
import { must } from '@/lib/must';

export type { FieldErrors };
export type Result<T = object> =
  ({ ok: true } & T) | { ok: false; fieldErrors: FieldErrors; passwordFeedback?: PasswordFeedback };

/** A password problem as a failed Result for `field`, with zxcvbn's feedback when there is some. */
export function weakPassword(field: string, problem: PasswordProblem): Result<never> {
  return { ok: false, fieldErrors: { [field]: problem.code }, passwordFeedback: problem.feedback };
}

/**
 * Creates a customer account at once, without the email verification that shoppers go through
 * (lib/accounts/registration.ts): for trusted callers only — `npm run admin:create` (the deployer)
 * and tests. The same rules as registration otherwise: email and username unique by their
 * normalized form ("Admin@Example.com" is refused after "admin@example.com"; a username held by a
 * pending registration is taken), the same password rule. Sends the welcome mail.
 */
export async function registerUser(input: unknown, locale: Locale): Promise<Result<{ userId: number }>> {
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: fieldErrors(parsed.error) };
  const data: RegisterInput = parsed.data;
  const problem = passwordProblem(data.password, data);
  if (problem) return weakPassword('password', problem);
  const passwordHash = await hashPassword(data.password);
  const db = await getDb();
  try {
    const userId = await db.transaction(async (tx) => {
      if (!(await usernameIsFree(tx, normalizeKey(data.username), normalizeKey(data.email)))) return null;
      return insertAccount(tx, {
        username: data.username,
        email: data.email,
        displayName: data.displayName ?? null,
        passwordHash,
        locale,
      });
    });
    if (userId === null) return { ok: false, fieldErrors: { username: 'usernameTaken' } };
    sendMailSoon();
    return { ok: true, userId };
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) return { ok: false, fieldErrors: { email: 'emailTaken' } };
    if (isUniqueViolation(error, 'users_username_key'))
      return { ok: false, fieldErrors: { username: 'usernameTaken' } };
    throw error;
  }
}

/** Starts a session for a user who just proved who they are; returns its id and the user's session version. */
export async function createSession(
  userId: number,
  userAgent?: string,
): Promise<{ id: string; sessionVersion: number }> {
  const db = await getDb();
  const [user] = await db.select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, userId));
  const [session] = await db
    .insert(sessions)
    .values({ userId, userAgent: userAgent?.slice(0, 300) ?? null })
    .returning({ id: sessions.id });
  return { id: must(session, 'new session').id, sessionVersion: must(user, 'session user').sessionVersion };
}

/** Ends one session (sign out). */
export async function revokeSession(sessionId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/**
 * Ends every session of a user (sign out everywhere, disabling, a password change or reset): bumps
 * the session version, which every token carries, revokes the session rows, and ends every password
 * reset link still outstanding (someone who could read the mailbox or a session should not keep a
 * way back in). Returns the new version.
 */
export async function endAllSessions(userId: number, exceptSessionId?: string): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, userId))
      .returning({ sessionVersion: users.sessionVersion });
    await tx
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined,
        ),
      );
    await tx
      .update(passwordResetTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)));
    return user?.sessionVersion ?? 0;
  });
}

/**
 * The account behind an OAuth identity: the linked one; or a new account when the identity is new
 * and its email is not already used (an existing account is never taken over by email alone).
 */
export async function resolveOAuthUser(identity: {
  provider: string;
  providerAccountId: string;
  email: string | null;
  name: string | null;
}): Promise<
  { ok: true; userId: number } | { ok: false; error: 'OAuthAccountNotLinked' | 'AccountDisabled'; userId?: undefined }
> {
  const db = await getDb();
  const [linked] = await db
    .select({ userId: oauthAccounts.userId, disabledAt: users.disabledAt, deletedAt: users.deletedAt })
    .from(oauthAccounts)
    .innerJoin(users, eq(users.id, oauthAccounts.userId))
    .where(
      and(
        eq(oauthAccounts.provider, identity.provider),
        eq(oauthAccounts.providerAccountId, identity.providerAccountId),
      ),
    );
  if (linked) {
    return linked.disabledAt || linked.deletedAt
      ? { ok: false, error: 'AccountDisabled' }
      : { ok: true, userId: linked.userId };
  }
  const emailKey = identity.email ? normalizeKey(identity.email) : null;
  if (emailKey) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.emailKey, emailKey));
    if (existing) return { ok: false, error: 'OAuthAccountNotLinked' };
  }
  const base =
    (identity.email?.split('@')[0] ?? identity.name ?? identity.provider)
      .normalize('NFKC')
      .replace(/[^\p{L}\p{N}_.-]+/gu, '')
      .slice(0, 24) || identity.provider;
  return db.transaction(async (tx) => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const username = attempt === 0 ? base : `${base}${randomBytes(2).readUInt16BE() % 10_000}`;
      if (!(await usernameIsFree(tx, normalizeKey(username)))) continue;
      const [user] = await tx
        .insert(users)
        .values({
          username,
          usernameKey: normalizeKey(username),
          email: identity.email,
          emailKey,
          ...sealDisplayName(identity.name?.slice(0, 80) ?? null),
        })
        .returning({ id: users.id });
      const { id: userId } = must(user, 'new OAuth user');
      await tx
        .insert(oauthAccounts)
        .values({ provider: identity.provider, providerAccountId: identity.providerAccountId, userId });
      return { ok: true as const, userId };
    }
    throw new Error('Could not find a free username for the OAuth account');
  });
}

/**
 * Changes the password of a signed-in user after checking the current one. Ends every other session
 * and returns the new session version so the caller can re-issue the current session's token.
 */
export async function changePassword(
  userId: number,
  currentSessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<Result<{ sessionVersion: number }>> {
  const db = await getDb();
  const [user] = await db
    .select({
      passwordHash: users.passwordHash,
      username: users.username,
      email: users.email,
      locale: users.preferredLocale,
      name: users.displayName,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return { ok: false, fieldErrors: { form: 'unexpected' } };
  if (user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: 'passwordWrong' } };
  }
  const length = registerSchema.shape.password.safeParse(input.newPassword);
  if (!length.success)
    return { ok: false, fieldErrors: { newPassword: fieldErrors(length.error).form ?? 'passwordTooShort' } };
  const problem = passwordProblem(input.newPassword, { ...user, displayName: openDisplayName(user.name) });
  if (problem) return weakPassword('newPassword', problem);
  const passwordHash = await hashPassword(input.newPassword);
  await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, userId));
  const sessionVersion = await endAllSessions(userId, currentSessionId);
  if (user.email) {
    await enqueueMail(db, {
      to: user.email,
      locale: toLocale(user.locale),
      template: 'passwordChanged',
      data: { name: nameOrUsername(user.name, user.username) },
      userId,
    });
    sendMailSoon();
  }
  return { ok: true, sessionVersion };
}

/** A failed Result in English sentences, for the command line. */
function describeProblems(result: Extract<Result, { ok: false }>): string {
  const messages = MESSAGES.en.auth as unknown as {
    errors: Record<string, string>;
    passwordFeedback: { warnings: Record<string, string>; suggestions: Record<string, string> };
  };
  const feedback = result.passwordFeedback;
  return [
    ...Object.entries(result.fieldErrors).map(([field, key]) => `${field}: ${messages.errors[key] ?? key}`),
    ...(feedback?.warning ? [messages.passwordFeedback.warnings[feedback.warning] ?? feedback.warning] : []),
    ...(feedback?.suggestions ?? []).map((key) => messages.passwordFeedback.suggestions[key] ?? key),
  ].join(' ');
}

/**
 * For `npm run admin:create`: promotes the account with this email to admin, or creates an admin
 * account (the password is then required and must pass the same rules as registration).
 */
export async function createOrPromoteAdmin(input: {
  email: string;
  username?: string;
  password?: string;
}): Promise<{ ok: true; created: boolean; userId: number } | { ok: false; message: string }> {
  const email = emailSchema.safeParse(input.email);
  if (!email.success) return { ok: false, message: 'That is not a valid email address.' };
  const db = await getDb();
  const [existing] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.emailKey, normalizeKey(email.data)), isNull(users.deletedAt)));
  if (existing) {
    await db.update(users).set({ role: 'admin', updatedAt: new Date() }).where(eq(users.id, existing.id));
    return { ok: true, created: false, userId: existing.id };
  }
  if (!input.password) return { ok: false, message: 'A password is needed to create a new account.' };
  const result = await registerUser(
    { username: input.username ?? email.data.split('@')[0], email: email.data, password: input.password },
    'en',
  );
  if (!result.ok) return { ok: false, message: describeProblems(result) };
  await db.update(users).set({ role: 'admin' }).where(eq(users.id, result.userId));
  return { ok: true, created: true, userId: result.userId };
}
