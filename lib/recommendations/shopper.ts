import 'server-only';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { getCurrentUser } from '@/lib/auth/session';
import { CART_COOKIE, UUID } from '@/lib/cart/queries';
import type { Shopper } from './shopper-sql';
import { readVisitorId, VISITOR_COOKIE } from './visitor';

/**
 * The shopper, for a server component that renders per request (a page's Suspense hole). Says so
 * first with connection(): reading the session checks the token's expiry against the clock, which
 * Next reports as "Date.now() while prerendering" when its warm-up pass gets that far. Route
 * handlers, always per request, call currentShopper() directly.
 */
export async function requestShopper(): Promise<Shopper & { signedIn: boolean }> {
  await connection();
  return currentShopper();
}

/**
 * The shopper of this request, from its own session and cookies only: the signed-in user, or the
 * anonymous visitor id and guest cart. Reading it makes the caller per-request (a Suspense hole).
 */
export async function currentShopper(): Promise<Shopper & { signedIn: boolean }> {
  const [user, store] = await Promise.all([getCurrentUser(), cookies()]);
  // Only an id this server signed: a made-up one is no visitor at all.
  const visitorId = readVisitorId(store.get(VISITOR_COOKIE)?.value);
  const cartId = store.get(CART_COOKIE)?.value ?? null;
  return {
    signedIn: Boolean(user),
    userId: user?.id ?? null,
    visitorId,
    cartId: !user && cartId && UUID.test(cartId) ? cartId : null,
  };
}
