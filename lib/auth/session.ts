import 'server-only';
import { cookies } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { cache } from 'react';
import { z } from 'zod';
import { getSessionUser, type SessionUser } from '@/lib/accounts/queries';
import { SECURE_COOKIES, SESSION_COOKIE, SESSION_MAX_AGE } from './cookies';
import { AuthError } from './errors';
import { authSecret } from '@/lib/security/auth-secret';

export type { SessionUser };
export { AuthError };

const claimsSchema = z.object({
  sub: z.string().regex(/^\d{1,10}$/),
  sid: z.uuid(),
  sv: z.number().int().positive(),
});

/** Reads and verifies a raw session token; anything tampered, foreign or malformed is null. */
export async function readSessionClaims(
  raw: string | undefined,
): Promise<{ userId: number; sessionId: string; sessionVersion: number } | null> {
  if (!raw || raw.length > 8192) return null;
  try {
    const token = await decode({ token: raw, secret: authSecret() });
    const claims = claimsSchema.safeParse(token);
    return claims.success
      ? { userId: Number(claims.data.sub), sessionId: claims.data.sid, sessionVersion: claims.data.sv }
      : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in user for this request, or null. The token is only a pointer: the account, its
 * session version, the session and the role are all checked in the database, so signing out,
 * signing out everywhere, a password change or disabling the account take effect at once.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSessionClaims((await cookies()).get(SESSION_COOKIE)?.value);
  return claims ? getSessionUser(claims) : null;
});

/** The signed-in user, or AuthError('unauthenticated'). */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) throw new AuthError('unauthenticated');
  return user;
}

/** The signed-in admin, or AuthError. Every admin page, action and route handler calls this. */
export async function requireAdmin(): Promise<SessionUser & { role: 'admin' }> {
  const user = await requireUser();
  if (user.role !== 'admin') throw new AuthError('forbidden');
  return user as SessionUser & { role: 'admin' };
}

/** The current session's claims (for actions that must re-issue or keep the current session). */
export async function getCurrentSessionClaims() {
  return readSessionClaims((await cookies()).get(SESSION_COOKIE)?.value);
}

/**
 * Writes a fresh session token for an existing session, e.g. after a password change bumped the
 * session version: the current browser stays signed in while every other session ends.
 */
export async function reissueSessionCookie(claims: { userId: number; sessionId: string; sessionVersion: number }) {
  const token = await encode({
    token: { sub: String(claims.userId), sid: claims.sessionId, sv: claims.sessionVersion },
    secret: authSecret(),
    maxAge: SESSION_MAX_AGE,
  });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: SECURE_COOKIES,
    path: '/',
    maxAge: SESSION_MAX_AGE,
  });
}
