import 'server-only';
import { and, eq, isNull, or } from 'drizzle-orm';
import { getDb, pick } from '@/db';
import { normalizeKey } from '@/lib/security/normalize-key';
import { openDisplayName } from './sealed';
import { sessions, users } from './schema';

/** What the rest of the app knows about the signed-in user. Never the password hash. */
export type SessionUser = Pick<
  typeof users.$inferSelect,
  'id' | 'username' | 'email' | 'displayName' | 'role' | 'preferredLocale'
> & { hasPassword: boolean };

/** What a mail to a user needs: the id it is filed under, the address, the name to greet and the language. */
export const mailRecipientColumns = {
  ...pick(users, 'id email'),
  name: users.displayName,
  username: users.username,
  locale: users.preferredLocale,
};

/**
 * For the sign-in check only (lib/auth): the account an email or username belongs to, with its
 * password hash. The hash must not travel further than lib/auth.
 */
export async function findSignInAccount(
  login: string,
): Promise<{ id: number; passwordHash: string | null; disabled: boolean } | null> {
  const key = normalizeKey(login);
  if (!key) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
    .from(users)
    .where(and(or(eq(users.emailKey, key), eq(users.usernameKey, key)), isNull(users.deletedAt)))
    .limit(1);
  return row ? { id: row.id, passwordHash: row.passwordHash, disabled: row.disabledAt !== null } : null;
}

/**
 * The user behind a session token, when the token is still valid: the account exists, is neither
 * disabled nor deleted, its session version matches and the session was not revoked. The role is
 * read here, from the database, never from the token.
 */
export async function getSessionUser(claims: {
  userId: number;
  sessionId: string;
  sessionVersion: number;
}): Promise<SessionUser | null> {
  const db = await getDb();
  // The account still signs in with this session's version: neither disabled nor deleted since.
  const current = [eq(users.sessionVersion, claims.sessionVersion), isNull(users.disabledAt), isNull(users.deletedAt)];
  const [row] = await db
    .select(pick(users, 'id username email displayName role preferredLocale passwordHash'))
    .from(users)
    .innerJoin(sessions, eq(sessions.userId, users.id))
    .where(and(eq(users.id, claims.userId), eq(sessions.id, claims.sessionId), isNull(sessions.revokedAt), ...current))
    .limit(1);
  if (!row) return null;
  const { passwordHash, ...user } = row;
  return { ...user, displayName: openDisplayName(user.displayName), hasPassword: passwordHash !== null };
}
