import 'server-only';
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';
import { authSecret } from '@/lib/security/auth-secret';

/**
 * Download links: `/api/v1/library/downloads/<token>`, where the token names one file of one
 * entitlement for one user and the moment it stops working, signed with HMAC-SHA256. Nothing is
 * stored: the signature proves the store made the link, and nobody can change what it names or
 * extend it. The key is derived (HKDF-SHA256, its own label) from the session secret
 * (lib/security/auth-secret.ts), so it is never a hard-coded secret and the session key itself never
 * signs a link; rotating NEXTAUTH_SECRET invalidates every link, as it signs everyone out.
 *
 * A token is `v1.<entitlement>.<file>.<user>.<expiry>.<signature>`: numbers in base 36, the expiry in
 * Unix seconds, the signature the base64url HMAC of everything before it. Links work for
 * LIBRARY_LINK_HOURS (24 unless set) after they are made.
 */

export type DownloadLink = { entitlementId: number; fileId: number; userId: number; expiresAt: Date };

/**
 * Why a token is refused: not a token at all (`malformed`), not signed by the store or changed since
 * (`forged`), past its time (`expired`), or made for another account than the one asking (`foreign`).
 */
export type LinkRefusal = 'malformed' | 'forged' | 'expired' | 'foreign';

const VERSION = 'v1';
const TOKEN = /^v1\.([0-9a-z]{1,10})\.([0-9a-z]{1,10})\.([0-9a-z]{1,10})\.([0-9a-z]{1,10})\.([A-Za-z0-9_-]{43})$/;
const HOUR_MS = 3_600_000;

let derived: { secret: string; key: Buffer } | undefined;

function linkKey(): Buffer {
  const secret = authSecret();
  if (derived?.secret !== secret) {
    derived = {
      secret,
      key: Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), 'encore library download links v1', 32)),
    };
  }
  return derived.key;
}

function sign(body: string): string {
  return createHmac('sha256', linkKey()).update(body).digest('base64url');
}

/** The hours a new link works (LIBRARY_LINK_HOURS). */
export function linkHours(): number {
  return env.LIBRARY_LINK_HOURS;
}

/** A token for this file of this entitlement, for this user, working for LIBRARY_LINK_HOURS from `now`. */
export function downloadToken(link: { entitlementId: number; fileId: number; userId: number }, now: Date): string {
  const expiry = Math.floor((now.getTime() + linkHours() * HOUR_MS) / 1000);
  const body = [VERSION, link.entitlementId, link.fileId, link.userId, expiry]
    .map((part) => part.toString(36))
    .join('.');
  return `${body}.${sign(body)}`;
}

/** The path of a download link (relative to the site). */
export function downloadPath(token: string): string {
  return `/api/v1/library/downloads/${token}`;
}

/**
 * What a token names, if the store signed it (compared in constant time), it has not expired at
 * `now`, and it was made for `userId` — else why not. The signature is checked before anything the
 * token says is believed.
 */
export function verifyDownloadToken(
  token: string,
  userId: number,
  now: Date,
): { ok: true; link: DownloadLink } | { ok: false; refusal: LinkRefusal } {
  const match = TOKEN.exec(token);
  if (!match) return { ok: false, refusal: 'malformed' };
  const body = token.slice(0, token.lastIndexOf('.'));
  // Compared as text, not decoded: base64url leaves spare bits in its last character, and a changed
  // character must never decode to the same signature.
  const given = Buffer.from(match[5]!);
  const expected = Buffer.from(sign(body));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, refusal: 'forged' };
  const [entitlementId, fileId, ownerId, expiry] = match.slice(1, 5).map((part) => Number.parseInt(part!, 36)) as [
    number,
    number,
    number,
    number,
  ];
  if (expiry * 1000 <= now.getTime()) return { ok: false, refusal: 'expired' };
  if (ownerId !== userId) return { ok: false, refusal: 'foreign' };
  return { ok: true, link: { entitlementId, fileId, userId: ownerId, expiresAt: new Date(expiry * 1000) } };
}
