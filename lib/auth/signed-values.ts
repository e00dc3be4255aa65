import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/security/auth-secret';

/**
 * Short values the server hands to browsers and must recognise later (visitor ids, trusted-device
 * marks): `value.mac`, where mac is an HMAC-SHA256 (128 bits kept) under a key derived from the
 * server's secret (NEXTAUTH_SECRET) for one purpose only, so a mark made for one use is worthless
 * for another. Anything unsigned, altered or signed with another secret reads as null.
 */

const keys = new Map<string, Buffer>();

function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = createHmac('sha256', authSecret()).update(`encore signed value: ${purpose}`).digest();
    keys.set(purpose, key);
  }
  return key;
}

function mac(purpose: string, value: string): string {
  return createHmac('sha256', keyFor(purpose)).update(value).digest('base64url').slice(0, 22);
}

/** `value` with its MAC appended. The value must not contain a dot. */
export function signValue(purpose: string, value: string): string {
  if (value.includes('.')) throw new Error('signValue: the value must not contain "."');
  return `${value}.${mac(purpose, value)}`;
}

/** The value inside a signed string, or null when it is unsigned, forged or malformed. */
export function readSignedValue(purpose: string, signed: string | null | undefined): string | null {
  if (!signed || signed.length > 200) return null;
  const dot = signed.lastIndexOf('.');
  if (dot <= 0) return null;
  const value = signed.slice(0, dot);
  const given = Buffer.from(signed.slice(dot + 1));
  const expected = Buffer.from(mac(purpose, value));
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
