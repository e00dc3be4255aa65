import 'server-only';
import { cookies } from 'next/headers';
import { getCurrentUser } from '@/lib/auth/session';
import { CART_COOKIE, UUID } from '@/lib/cart/queries';
import type { Shopper } from './queries';
import { VISITOR_COOKIE } from './visitor';

/**
 * The shopper of this request, from its own session and cookies only: the signed-in user, or the
 * anonymous visitor id and guest cart. Reading it makes the caller per-request (a Suspense hole).
 */
export async function currentShopper(): Promise<Shopper & { signedIn: boolean }> {
  const [user, store] = await Promise.all([getCurrentUser(), cookies()]);
  const visitorId = store.get(VISITOR_COOKIE)?.value ?? null;
  const cartId = store.get(CART_COOKIE)?.value ?? null;
  return {
    signedIn: Boolean(user),
    userId: user?.id ?? null,
    visitorId: visitorId && /^[A-Za-z0-9-]{8,64}$/.test(visitorId) ? visitorId : null,
    cartId: !user && cartId && UUID.test(cartId) ? cartId : null,
  };
}
