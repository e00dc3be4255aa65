import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/auth/secret';
import { env } from '@/lib/env';

/**
 * The secret in an order's link (`/orders/EN-100001?key=…`) that lets a guest, or anyone the owner
 * forwards the mail to, follow the order without an account. Derived with an HMAC from the session
 * key, so it can be put in any later mail without being stored; the order keeps only its hash.
 */
export function orderAccessKey(orderId: number, number: string): string {
  return createHmac('sha256', authSecret()).update(`order:${orderId}:${number}`).digest('base64url').slice(0, 32);
}

export function hashAccessKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Constant-time check of a key against an order's stored hash. */
export function accessKeyMatches(key: string | null | undefined, storedHash: string): boolean {
  if (!key || key.length > 100) return false;
  const given = Buffer.from(hashAccessKey(key));
  const expected = Buffer.from(storedHash);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Absolute link to an order's page, with its key. */
export function orderUrl(orderId: number, number: string): string {
  return new URL(
    `/orders/${encodeURIComponent(number)}?key=${orderAccessKey(orderId, number)}`,
    env.SITE_URL,
  ).toString();
}
