import 'server-only';
import { consumeRateLimits, LIMITS } from '@/lib/security/rate-limit';
import type { Viewer } from './mutations';

/**
 * Counts a product-view beacon against its limits, per shopper (the signed-in user or the signed
 * visitor id) and per client address (`ip` from clientIp(): unknown clients share one bucket).
 * Together with signed visitor ids this stops one client from inflating view counts: a view is
 * recorded at most once per shopper, product and day, and a client cannot mint shoppers faster
 * than its address's limit lets it send beacons. A beacon without a shopper records nothing but
 * still counts against the address.
 */
export async function checkViewLimits(
  viewer: Viewer,
  ip: string,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const shopper = viewer.userId ? `u${viewer.userId}` : viewer.visitorId ? `v${viewer.visitorId}` : null;
  return consumeRateLimits([LIMITS.viewIp(ip), shopper ? LIMITS.viewShopper(shopper) : null]);
}
