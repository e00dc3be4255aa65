import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Fixed-window rate-limit counters, in Postgres so that limits hold across app instances.
 * `key` names what is limited (e.g. "signin:account:ada"); old rows are deleted by the retention job
 * (RETAIN_RATE_LIMITS_DAYS, lib/jobs/retention.ts).
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limits_window_idx').on(t.windowStart)],
);

/**
 * Failed sign-in counters with a growing delay (lib/security/sign-in-throttle.ts). `key` is
 * "account:{user id}", "login:{unknown identifier}", "ip:{address}" or "device:{user id}:{device}".
 * Only failures count; after a number of them each new attempt must wait a delay that doubles with
 * every further failure, up to a short cap. The counter is forgotten after a quiet period.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_throttles_last_failure_idx').on(t.lastFailureAt)],
);
