import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';

export type Limit = { key: string; limit: number; windowSeconds: number };

/** The limits the store applies. Sign-in counts every attempt, so rotating IPs cannot dodge the account limit. */
export const LIMITS = {
  signInAccount: (login: string): Limit => ({ key: `signin:account:${login}`, limit: 10, windowSeconds: 15 * 60 }),
  signInIp: (ip: string): Limit => ({ key: `signin:ip:${ip}`, limit: 50, windowSeconds: 15 * 60 }),
  registerIp: (ip: string): Limit => ({ key: `register:ip:${ip}`, limit: 10, windowSeconds: 60 * 60 }),
  resetIp: (ip: string): Limit => ({ key: `reset:ip:${ip}`, limit: 10, windowSeconds: 60 * 60 }),
  resetAccount: (email: string): Limit => ({ key: `reset:account:${email}`, limit: 3, windowSeconds: 60 * 60 }),
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
    const [row] = await queryRows<{ count: number; resetsIn: number }>(
      db,
      sql`insert into rate_limits (key, window_start, count)
        values (${limit.key}, to_timestamp(floor(extract(epoch from now()) / ${limit.windowSeconds}) * ${limit.windowSeconds}), 1)
        on conflict (key, window_start) do update set count = rate_limits.count + 1
        returning count, ceil(extract(epoch from window_start) + ${limit.windowSeconds} - extract(epoch from now()))::int as "resetsIn"`,
    );
    if (row.count > limit.limit) {
      allowed = false;
      retryAfterSeconds = Math.max(retryAfterSeconds, row.resetsIn);
    }
  }
  return { allowed, retryAfterSeconds };
}
