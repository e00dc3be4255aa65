import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, gt, isNull, lt, ne, sql } from 'drizzle-orm';
import { type Executor, getDb, type Transaction } from '@/db';
import { safeRedirectPath } from '@/lib/http/redirect';
import { env } from '@/lib/env';
import type { Locale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import { consumeRateLimits, LIMITS } from '@/lib/security/rate-limit';
import { decryptOptional, encryptOptional } from '@/lib/security/encryption';
import { insertAccount, isUniqueViolation, type FieldErrors } from './create-account';
import { normalizeKey } from '@/lib/security/normalize-key';
import type { PasswordFeedback } from './password-strength';
import { passwordProblem } from './password-strength';
import { mailRecipientColumns } from './queries';
import { hashPassword, verifyPassword } from './passwords';
import { nameOrUsername } from './sealed';
import { registrations, users } from './schema';
import { fieldErrors, registerSchema } from './validation';
import { toLocale } from '@/lib/i18n/config';

/**
 * Registration without enumeration, with the email address verified before the account exists.
 *
 * 1. `requestRegistration` validates the form, counts it per client address and per email address,
 *    and answers the same `{ ok: true }` whether or not the address already has an account:
 *    - a new address gets a link (valid REGISTRATION_HOURS) to finish creating the account;
 *    - an address that has an account gets no link: its owner is told someone tried to register
 *      with it (and how to sign in or reset the password).
 *    Either way the username is held until the link would expire, so that trying the same username
 *    again cannot tell the two cases apart either. Usernames are public handles (shown on reviews),
 *    so a username held by an account or a pending registration is reported as taken.
 * 2. `completeRegistration` (the link) creates the account and signs it in. The browser that
 *    registered holds a secret cookie and is signed in by the link alone; any other browser must also
 *    give the password chosen at registration, so a link followed by someone else (the owner of an
 *    address an attacker typed in) never hands the attacker a verified account.
 */
export const REGISTRATION_HOURS = 24;
/** Cookie of the registering browser: a random secret whose hash is kept with the registration. */
export const SIGNUP_COOKIE = 'encore_signup';

const DISPLAY_NAME_CONTEXT = 'registrations.display_name';

export type RegistrationResult =
  | { ok: true }
  | { ok: false; fieldErrors: FieldErrors; passwordFeedback?: PasswordFeedback; retryAfterSeconds?: number };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

function sameHash(a: string | null, b: string | null): boolean {
  if (!a || !b || a.length !== b.length) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/**
 * Whether a username is free: no account has it, and no registration still holds it (other than
 * one for `emailKey`, which a repeated registration of the same person replaces).
 */
export async function usernameIsFree(tx: Transaction, usernameKey: string, emailKey?: string): Promise<boolean> {
  const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.usernameKey, usernameKey)).limit(1);
  if (account) return false;
  const [held] = await tx
    .select({ id: registrations.id })
    .from(registrations)
    .where(
      and(
        eq(registrations.usernameKey, usernameKey),
        gt(registrations.expiresAt, sql`now()`),
        emailKey ? ne(registrations.emailKey, emailKey) : undefined,
      ),
    )
    .limit(1);
  return !held;
}

/**
 * Starts a registration (the /register form, `POST /api/v1/auth/register`). `ip` is the client key
 * from clientIp(); `browserSecret` is the secret the caller stores in the SIGNUP_COOKIE when the
 * answer is ok (null for API clients: the link then asks for the password); `next` is where the link
 * sends the new account. Field errors are message keys; `form: 'throttled'` comes with
 * `retryAfterSeconds`.
 * One function (~85 lines): the checks run in this order (input, limits, existing account, mail),
 * each returning early, and reading them in one place is how the anti-enumeration rule is checked.
 */
export async function requestRegistration(
  input: unknown,
  request: { ip: string; locale: Locale; browserSecret: string | null; next?: string },
): Promise<RegistrationResult> {
  const parsed = registerSchema.safeParse(input);
  const emailKey = parsed.success ? normalizeKey(parsed.data.email) : null;
  const limit = await consumeRateLimits([
    LIMITS.registerIp(request.ip),
    emailKey ? LIMITS.registerAddress(emailKey) : null,
  ]);
  if (!limit.allowed) {
    return { ok: false, fieldErrors: { form: 'throttled' }, retryAfterSeconds: limit.retryAfterSeconds };
  }
  if (!parsed.success || !emailKey) return { ok: false, fieldErrors: fieldErrors(parsed.error!) };
  const data = parsed.data;
  const problem = passwordProblem(data.password, data);
  if (problem) {
    return { ok: false, fieldErrors: { password: problem.code }, passwordFeedback: problem.feedback };
  }
  // Hashed whichever way it goes, so that both answers take as long.
  const passwordHash = await hashPassword(data.password);
  const usernameKey = normalizeKey(data.username);
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    // One registration at a time per username, so two cannot both be told it is free.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`username:${usernameKey}`}))`);
    if (!(await usernameIsFree(tx, usernameKey, emailKey))) return 'usernameTaken' as const;
    const [owner] = await tx.select(mailRecipientColumns).from(users).where(eq(users.emailKey, emailKey)).limit(1);
    // A repeated registration (same address, same username) replaces the earlier one.
    await tx
      .delete(registrations)
      .where(and(eq(registrations.emailKey, emailKey), eq(registrations.usernameKey, usernameKey)));
    const [held] = await tx
      .insert(registrations)
      .values({
        mailed: owner ? 'existing' : 'link',
        username: data.username,
        usernameKey,
        email: data.email,
        emailKey,
        displayName: encryptOptional(data.displayName ?? null, DISPLAY_NAME_CONTEXT),
        passwordHash,
        locale: request.locale,
        nextPath: safeRedirectPath(request.next),
        browserHash: request.browserSecret ? sha256(request.browserSecret) : null,
        expiresAt: sql`now() + make_interval(hours => ${REGISTRATION_HOURS})`,
      })
      .returning({ id: registrations.id });
    if (owner) {
      await enqueueMail(tx, {
        to: owner.email!,
        locale: owner.locale === 'zh' || owner.locale === 'en' ? owner.locale : request.locale,
        template: 'registrationAttempt',
        data: { name: nameOrUsername(owner.name, owner.username) },
        userId: owner.id,
      });
    } else {
      await enqueueMail(tx, {
        to: data.email,
        locale: request.locale,
        template: 'verifyEmail',
        data: {
          name: data.displayName ?? data.username,
          // Made when the mail is sent (lib/mail/secret-links.ts): the token is never stored in the outbox.
          url: secretLinks.registration(held!.id),
          expiresHours: REGISTRATION_HOURS,
        },
      });
    }
    return 'held' as const;
  });
  if (outcome === 'usernameTaken') return { ok: false, fieldErrors: { username: 'usernameTaken' } };
  sendMailSoon();
  return { ok: true };
}

/**
 * Makes the link of a registration that gets one: a new random token, whose SHA-256 replaces the
 * stored one (so only the latest link works), as an absolute /verify-email URL. Null when the
 * registration is gone, expired, or belongs to an address that already has an account. Meant to run
 * as late as possible, when the mail is written or sent, so that the token lives nowhere else.
 */
export async function issueRegistrationLink(executor: Executor, registrationId: number): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await executor
    .update(registrations)
    .set({ tokenHash: sha256(token) })
    .where(
      and(
        eq(registrations.id, registrationId),
        eq(registrations.mailed, 'link'),
        gt(registrations.expiresAt, sql`now()`),
      ),
    )
    .returning({ id: registrations.id });
  return row ? new URL(`/verify-email?token=${token}`, env.SITE_URL).toString() : null;
}

/**
 * Deletes registrations whose link has expired (the hourly job): they hold an address, a name and a
 * password hash nobody will use, and no longer hold their username. Returns how many went.
 */
export async function pruneExpiredRegistrations(): Promise<number> {
  const db = await getDb();
  const gone = await db
    .delete(registrations)
    .where(lt(registrations.expiresAt, sql`now()`))
    .returning({ id: registrations.id });
  return gone.length;
}

export type RegistrationLink =
  { status: 'invalid' } | { status: 'ready'; email: string; sameBrowser: boolean; next: string };

async function findLink(token: string) {
  if (!token || token.length > 200) return null;
  const db = await getDb();
  const [row] = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.tokenHash, sha256(token)),
        eq(registrations.mailed, 'link'),
        gt(registrations.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

/** What the /verify-email page shows for a link: unusable, or ready (and whether it needs the password). */
export async function readRegistrationLink(
  token: string,
  browserSecret: string | undefined,
): Promise<RegistrationLink> {
  const row = await findLink(token);
  if (!row) return { status: 'invalid' };
  return {
    status: 'ready',
    email: row.email,
    sameBrowser: sameHash(row.browserHash, browserSecret ? sha256(browserSecret) : null),
    next: row.nextPath,
  };
}

export type CompletionError = 'invalid' | 'wrongPassword' | 'throttled' | 'emailTaken' | 'usernameTaken';

/**
 * Follows a registration link: creates the account (its email now verified), sends the welcome mail
 * and returns the new user's id for the caller to sign in. The registering browser (`browserSecret`
 * matches) needs nothing else; any other must give the registration's password (tries counted per
 * link). The link works once; it and every other pending registration of the address end with it.
 */
export async function completeRegistration(input: {
  token: string;
  browserSecret?: string;
  password?: string;
}): Promise<{ ok: true; userId: number; next: string } | { ok: false; error: CompletionError }> {
  const row = await findLink(input.token);
  if (!row) return { ok: false, error: 'invalid' };
  if (!sameHash(row.browserHash, input.browserSecret ? sha256(input.browserSecret) : null)) {
    if (!(await consumeRateLimits([LIMITS.registerLink(row.id)])).allowed) return { ok: false, error: 'throttled' };
    if (!(await verifyPassword(row.passwordHash, (input.password ?? '').slice(0, 4096)))) {
      return { ok: false, error: 'wrongPassword' };
    }
  }
  const db = await getDb();
  try {
    const result = await db.transaction(async (tx) => {
      const [claimed] = await tx
        .delete(registrations)
        .where(and(eq(registrations.id, row.id), gt(registrations.expiresAt, sql`now()`)))
        .returning({ id: registrations.id });
      if (!claimed) return { ok: false as const, error: 'invalid' as const };
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.emailKey, row.emailKey), isNull(users.deletedAt)))
        .limit(1);
      if (owner) return { ok: false as const, error: 'emailTaken' as const };
      const userId = await insertAccount(tx, {
        username: row.username,
        email: row.email,
        displayName: decryptOptional(row.displayName, DISPLAY_NAME_CONTEXT),
        passwordHash: row.passwordHash,
        locale: toLocale(row.locale),
      });
      // Other pending registrations of this address (and their links) are moot now.
      await tx.delete(registrations).where(eq(registrations.emailKey, row.emailKey));
      return { ok: true as const, userId, next: row.nextPath };
    });
    if (result.ok) sendMailSoon();
    return result;
  } catch (error) {
    if (isUniqueViolation(error, 'users_username_key')) return { ok: false, error: 'usernameTaken' };
    if (isUniqueViolation(error, 'users_email_key')) return { ok: false, error: 'emailTaken' };
    throw error;
  }
}
