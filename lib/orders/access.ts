import 'server-only';
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { authSecret } from '@/lib/security/auth-secret';
import { env } from '@/lib/env';

/**
 * The secret in an order's link (`/orders/EN-100001?key=…`) that lets a guest, or anyone the owner
 * forwards the mail to, follow the order without an account. A key is `<expiry>.<signature>`: the
 * moment it stops working (Unix seconds, base 36) and an HMAC of the order and that moment with the
 * session secret, so it can be put in any mail without being stored, and nobody can extend it. Each
 * key works for ORDER_LINK_DAYS after it was made; a new one can be mailed from the order's page
 * (./order-link.ts). Signed-in owners never need one.
 *
 * Links mailed before keys carried an expiry hold a 32-character key whose SHA-256 the order kept
 * (`access_token_hash`); they work for ORDER_LINK_DAYS after the order was placed.
 */

export type KeyCheck = 'valid' | 'expired' | 'invalid';

const DAY_MS = 86_400_000;
const EXPIRY = /^[0-9a-z]{1,10}$/;

function signature(orderId: number, number: string, expiry: string): string {
  return createHmac('sha256', authSecret())
    .update(`order-link:${orderId}:${number}:${expiry}`)
    .digest('base64url')
    .slice(0, 32);
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** A key for this order that works for ORDER_LINK_DAYS from `now`. */
export function orderAccessKey(orderId: number, number: string, now = Date.now()): string {
  const expiry = Math.floor((now + env.ORDER_LINK_DAYS * DAY_MS) / 1000).toString(36);
  return `${expiry}.${signature(orderId, number, expiry)}`;
}

/** The SHA-256 that orders placed before keys expired kept of their key. */
export function hashAccessKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Whether `key` opens this order now: `valid`; `expired` (a real key of this order, past its time,
 * so the page can say how to get a new one); or `invalid` (missing, malformed, or not this order's).
 * Signatures are compared in constant time.
 */
export function checkOrderAccessKey(
  key: string | null | undefined,
  order: { id: number; number: string; accessTokenHash: string; createdAt: Date },
  now = Date.now(),
): KeyCheck {
  if (!key || key.length > 100) return 'invalid';
  const dot = key.indexOf('.');
  if (dot === -1) {
    if (!order.accessTokenHash || !sameText(hashAccessKey(key), order.accessTokenHash)) return 'invalid';
    return order.createdAt.getTime() + env.ORDER_LINK_DAYS * DAY_MS > now ? 'valid' : 'expired';
  }
  const expiry = key.slice(0, dot);
  if (!EXPIRY.test(expiry) || !sameText(key.slice(dot + 1), signature(order.id, order.number, expiry))) {
    return 'invalid';
  }
  return Number.parseInt(expiry, 36) * 1000 > now ? 'valid' : 'expired';
}

/** Absolute link to an order's page, with a fresh key. */
export function orderUrl(orderId: number, number: string): string {
  return new URL(
    `/orders/${encodeURIComponent(number)}?key=${orderAccessKey(orderId, number)}`,
    env.SITE_URL,
  ).toString();
}
