import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { must } from '@/lib/must';
import { UNKNOWN_CLIENT } from './client-ip';
import { rateLimits } from './schema';

export type Limit = { key: string; limit: number; windowSeconds: number };

/**
 * Clients without a known address (no TRUSTED_IP_HEADER, or a bad header) share one bucket: it gets
 * this many times the budget of a single address, so that a store run without a proxy header still
 * limits abuse without every visitor being stopped by the first few.
 */
export const UNKNOWN_CLIENT_FACTOR = 10;

/** A per-IP limit: `perIp` for a known address, UNKNOWN_CLIENT_FACTOR × that for the shared bucket. */
function perIp(scope: string, ip: string, perAddress: number, windowSeconds: number): Limit {
  return {
    key: `${scope}:ip:${ip}`,
    limit: ip === UNKNOWN_CLIENT ? perAddress * UNKNOWN_CLIENT_FACTOR : perAddress,
    windowSeconds,
  };
}

/**
 * The fixed-window limits the store applies. `ip` is always a key from clientIp() (an address, an
 * IPv6 /64, or the shared UNKNOWN_CLIENT bucket). Sign-in has its own failure counters
 * (lib/security/sign-in-throttle.ts).
 */
export const LIMITS = {
  registerIp: (ip: string): Limit => perIp('register', ip, 10, 60 * 60),
  /** Registration mails to one address (a verification link, or "someone tried to register"). */
  registerAddress: (emailKey: string): Limit => ({
    key: `register:address:${emailKey}`,
    limit: 3,
    windowSeconds: 60 * 60,
  }),
  /** Tries at one verification link (the password is asked when the link is opened in another browser). */
  registerLink: (linkId: number): Limit => ({ key: `register:link:${linkId}`, limit: 10, windowSeconds: 15 * 60 }),
  resetIp: (ip: string): Limit => perIp('reset', ip, 10, 60 * 60),
  resetAccount: (email: string): Limit => ({ key: `reset:account:${email}`, limit: 3, windowSeconds: 60 * 60 }),
  /** Product-view beacons per shopper ("u{id}" or "v{visitor id}") and per client address. */
  viewShopper: (shopper: string): Limit => ({ key: `view:shopper:${shopper}`, limit: 60, windowSeconds: 10 * 60 }),
  viewIp: (ip: string): Limit => perIp('view', ip, 300, 10 * 60),
};

/**
 * Counts one hit against every limit (fixed windows, stored in Postgres) and answers whether all of
 * them still allow it. Every limit is counted even when an earlier one is exceeded, so that probing
 * cannot avoid being counted.
 */
export async function consumeRateLimits(
  limits: (Limit | null)[],
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const db = await getDb();
  let allowed = true;
  let retryAfterSeconds = 0;
  for (const limit of limits) {
    if (!limit) continue;
    const windowStart = sql<Date>`to_timestamp(floor(extract(epoch from now()) / ${limit.windowSeconds}) * ${limit.windowSeconds})`;
    const [counted] = await db
      .insert(rateLimits)
      .values({ key: limit.key, windowStart, count: 1 })
      .onConflictDoUpdate({
        target: [rateLimits.key, rateLimits.windowStart],
        set: { count: sql`${rateLimits.count} + 1` },
      })
      .returning({
        count: rateLimits.count,
        resetsIn: sql<number>`ceil(extract(epoch from ${rateLimits.windowStart}) + ${limit.windowSeconds} - extract(epoch from now()))::int`,
      });
    const row = must(counted, 'rate limit counter');
    if (row.count > limit.limit) {
      allowed = false;
      retryAfterSeconds = Math.max(retryAfterSeconds, row.resetsIn);
    }
  }
  return { allowed, retryAfterSeconds };
}
