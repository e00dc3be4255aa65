import 'server-only';
import { eq, inArray, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { UNKNOWN_CLIENT } from './client-ip';
import { signInThrottles } from './schema';

/**
 * Sign-in throttling by failures, with a growing delay instead of a hard lock.
 *
 * Each counter allows `freeFailures` failed attempts; after that, an attempt is accepted only once
 * `baseDelaySeconds × 2^(failures − freeFailures)` (at most `maxDelaySeconds`) have passed since the
 * last failure, and refused before that without looking at the password. A counter is forgotten
 * after `forgetAfterSeconds` without a failure. Successful attempts do not count.
 *
 * An attempt is counted as a failure *before* the password is checked, in one statement per counter
 * that also refuses it when the counter is waiting, so that parallel guesses cannot all slip in
 * before the first failure is written; a success then takes its count back (`forgiveAttempt`).
 */
export type ThrottleRule = {
  freeFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  forgetAfterSeconds: number;
};

const DAY = 24 * 60 * 60;
const growing = { baseDelaySeconds: 30, maxDelaySeconds: 15 * 60 };

export const SIGN_IN_RULES = {
  /** One account, from anywhere that is not one of its trusted devices (email and username alike). */
  account: { freeFailures: 5, ...growing, forgetAfterSeconds: DAY },
  /** One client address, over all accounts (password spraying). */
  ip: { freeFailures: 20, ...growing, forgetAfterSeconds: 60 * 60 },
  /** Every client whose address is unknown, together (no trusted IP header). */
  unknownIp: { freeFailures: 200, ...growing, forgetAfterSeconds: 60 * 60 },
  /** A browser that has signed in to this account before, for this account only. */
  device: { freeFailures: 10, ...growing, forgetAfterSeconds: DAY },
} satisfies Record<string, ThrottleRule>;

export type ThrottleKey = { key: string; rule: ThrottleRule };

export const throttleKeys = {
  account: (userId: number): ThrottleKey => ({ key: `account:${userId}`, rule: SIGN_IN_RULES.account }),
  /** An identifier that matches no account: throttled like one, so that it answers like one. */
  unknownLogin: (normalizedLogin: string): ThrottleKey => ({
    key: `login:${normalizedLogin.slice(0, 320)}`,
    rule: SIGN_IN_RULES.account,
  }),
  ip: (ip: string): ThrottleKey => ({
    key: `ip:${ip}`,
    rule: ip === UNKNOWN_CLIENT ? SIGN_IN_RULES.unknownIp : SIGN_IN_RULES.ip,
  }),
  device: (userId: number, deviceId: string): ThrottleKey => ({
    key: `device:${userId}:${deviceId}`,
    rule: SIGN_IN_RULES.device,
  }),
};

/** The delay a counter with `failures` failures imposes after its last failure (0 while free). */
export function delaySeconds(rule: ThrottleRule, failures: number): number {
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.maxDelaySeconds, rule.baseDelaySeconds * 2 ** (failures - rule.freeFailures));
}

class Throttled extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('throttled');
  }
}

/**
 * Starts a sign-in attempt against every counter: refused (with the seconds to wait) when any of them
 * is waiting out its delay, in which case nothing is counted; otherwise the attempt is counted as a
 * failure on each, all in one transaction. Counters are taken in key order, so two attempts never
 * wait on each other's rows crosswise.
 */
export async function beginAttempt(
  keys: ThrottleKey[],
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const db = await getDb();
  const sorted = [...new Map(keys.map((k) => [k.key, k])).values()].sort((a, b) => (a.key < b.key ? -1 : 1));
  try {
    await db.transaction(async (tx) => {
      for (const { key, rule } of sorted) {
        const forget = sql`make_interval(secs => ${rule.forgetAfterSeconds})`;
        const delay = sql`make_interval(secs => least(${rule.maxDelaySeconds}::float8,
          ${rule.baseDelaySeconds}::float8 * power(2, ${signInThrottles.failures} - ${rule.freeFailures})))`;
        const counted = await tx
          .insert(signInThrottles)
          .values({ key, failures: 1, lastFailureAt: sql`now()` })
          .onConflictDoUpdate({
            target: signInThrottles.key,
            set: {
              failures: sql`case when ${signInThrottles.lastFailureAt} < now() - ${forget} then 1
                else ${signInThrottles.failures} + 1 end`,
              lastFailureAt: sql`now()`,
            },
            // A counter waiting out its delay refuses the attempt: no row comes back.
            setWhere: sql`not (${signInThrottles.failures} >= ${rule.freeFailures}
              and ${signInThrottles.lastFailureAt} >= now() - ${forget}
              and ${signInThrottles.lastFailureAt} + ${delay} > now())`,
          })
          .returning({ failures: signInThrottles.failures });
        if (counted.length === 0) {
          const [waiting] = await tx
            .select({
              seconds: sql<number>`ceil(extract(epoch from (${signInThrottles.lastFailureAt} + ${delay} - now())))::int`,
            })
            .from(signInThrottles)
            .where(eq(signInThrottles.key, key));
          throw new Throttled(Math.max(1, waiting?.seconds ?? 1));
        }
      }
    });
  } catch (error) {
    if (error instanceof Throttled) return { allowed: false, retryAfterSeconds: error.retryAfterSeconds };
    throw error;
  }
  return { allowed: true };
}

/**
 * Deletes counters quiet for longer than any rule remembers them (the hourly job): they would start
 * from zero anyway. Returns how many went.
 */
export async function pruneSignInThrottles(): Promise<number> {
  const db = await getDb();
  const longest = Math.max(...Object.values(SIGN_IN_RULES).map((rule) => rule.forgetAfterSeconds));
  const gone = await db
    .delete(signInThrottles)
    .where(lt(signInThrottles.lastFailureAt, sql`now() - make_interval(secs => ${longest})`))
    .returning({ key: signInThrottles.key });
  return gone.length;
}

/** The attempt begun on these counters succeeded: it no longer counts as a failure. */
export async function forgiveAttempt(keys: ThrottleKey[]): Promise<void> {
  if (keys.length === 0) return;
  const db = await getDb();
  const names = [...new Set(keys.map((k) => k.key))];
  await db
    .update(signInThrottles)
    .set({ failures: sql`greatest(${signInThrottles.failures} - 1, 0)` })
    .where(inArray(signInThrottles.key, names));
}
