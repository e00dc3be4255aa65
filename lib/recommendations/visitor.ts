import 'server-only';
import { randomUUID } from 'node:crypto';
import { readSignedValue, signValue } from '@/lib/auth/signed-values';

/**
 * First-party anonymous visitor id (set by proxy.ts; linked to the account at sign-in). The cookie
 * holds a random UUID signed by the server, so made-up ids cannot be used to inflate views: an
 * unsigned or forged cookie counts as no id, and proxy.ts replaces it with a fresh one.
 */
export const VISITOR_COOKIE = 'encore_vid';

const PURPOSE = 'visitor id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A new signed visitor id, for the cookie. */
export function issueVisitorId(): string {
  return signValue(PURPOSE, randomUUID());
}

/** The visitor id inside a cookie value, or null when the cookie is missing, unsigned or forged. */
export function readVisitorId(cookie: string | null | undefined): string | null {
  const id = readSignedValue(PURPOSE, cookie);
  return id && UUID.test(id) ? id : null;
}
