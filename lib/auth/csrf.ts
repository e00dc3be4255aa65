import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/security/auth-secret';
import { SECURE_COOKIES } from './cookies';

/**
 * next-auth's CSRF cookie, for the sign-in form posted without JavaScript. next-auth checks every
 * POST by double submit: the form's `csrfToken` must equal the token in this cookie, whose value is
 * `token|sha256(token + secret)` (next-auth/core/lib/csrf-token.js; the name under
 * `useSecureCookies` from next-auth/core/lib/cookie.js). next-auth sets the cookie only when one of
 * its own URLs is requested, which a page without JavaScript never does, so proxy.ts issues it with
 * the sign-in page, in the same format, and the page puts the token in the form.
 */
export const CSRF_COOKIE = `${SECURE_COOKIES ? '__Host-' : ''}next-auth.csrf-token`;

export const CSRF_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'lax', path: '/', secure: SECURE_COOKIES } as const;

const hashOf = (token: string) => createHash('sha256').update(`${token}${authSecret()}`).digest('hex');

/** The token in a CSRF cookie value, or null when there is none or this store did not sign it. */
export function readCsrfToken(cookie: string | null | undefined): string | null {
  const [token, hash] = cookie?.split('|') ?? [];
  if (!token || !hash) return null;
  const expected = Buffer.from(hashOf(token));
  const given = Buffer.from(hash);
  return given.length === expected.length && timingSafeEqual(given, expected) ? token : null;
}

/** A new CSRF cookie value, as next-auth makes it. */
export function issueCsrfCookie(): string {
  const token = randomBytes(32).toString('hex');
  return `${token}|${hashOf(token)}`;
}
