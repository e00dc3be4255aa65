import { encode } from 'next-auth/jwt';
import { createSession } from '@/lib/accounts/mutations';
import { SESSION_COOKIE } from '@/lib/auth/cookies';
import { authSecret } from '@/lib/security/auth-secret';

/**
 * A fake request for code that reads `cookies()` / `headers()` from next/headers. In a test file:
 * `vi.mock('next/headers', async () => (await import('../support/request-context')).nextHeadersMock())`,
 * then set cookies and headers per test, or sign in as a user with a real session token.
 */
export const requestContext = {
  cookies: new Map<string, string>(),
  headers: new Headers(),
  reset() {
    this.cookies.clear();
    this.headers = new Headers();
  },
};

export function cookieStore() {
  return {
    get: (name: string) =>
      requestContext.cookies.has(name) ? { name, value: requestContext.cookies.get(name)! } : undefined,
    has: (name: string) => requestContext.cookies.has(name),
    set: (name: string, value: string) => void requestContext.cookies.set(name, value),
    delete: (name: string) => void requestContext.cookies.delete(name),
    getAll: () => Array.from(requestContext.cookies, ([name, value]) => ({ name, value })),
  };
}

/** A signed session token for a new session of this user (what the browser's cookie would hold). */
export async function sessionTokenFor(
  userId: number,
  secret = authSecret(),
): Promise<{ token: string; sessionId: string }> {
  const session = await createSession(userId);
  const token = await encode({ token: { sub: String(userId), sid: session.id, sv: session.sessionVersion }, secret });
  return { token, sessionId: session.id };
}

/** Makes the fake request signed in as this user; returns the session id. */
export async function signInAs(userId: number): Promise<string> {
  const { token, sessionId } = await sessionTokenFor(userId);
  requestContext.cookies.set(SESSION_COOKIE, token);
  return sessionId;
}

export const nextHeadersMock = () => ({
  cookies: async () => cookieStore(),
  headers: async () => requestContext.headers,
});

/**
 * Runs `check` once as a visitor (signed out) and once signed in as `customerId`, with the error a
 * staff-only action must answer each of them: `unauthenticated`, then `forbidden`.
 */
export async function asOutsiders(
  customerId: number,
  check: (expected: 'unauthenticated' | 'forbidden') => Promise<void>,
): Promise<void> {
  requestContext.reset();
  await check('unauthenticated');
  requestContext.reset();
  await signInAs(customerId);
  await check('forbidden');
}
