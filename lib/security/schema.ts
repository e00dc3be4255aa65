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
