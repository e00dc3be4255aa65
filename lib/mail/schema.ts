import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * - queued: waiting for delivery (or for its next retry at `next_attempt_at`);
 * - sending: claimed by one app instance; `next_attempt_at` is then the end of its lease;
 * - sent, failed: final (failed after MAX_ATTEMPTS);
 * - held: no transport was configured when it was written; it stays here for admins to read.
 */
export const mailStatus = pgEnum('mail_status', ['queued', 'sending', 'sent', 'failed', 'held']);

/**
 * The outbox: every mail the store sends is rendered and written here first, in the same
 * transaction as the change that caused it, then delivered by `deliverPendingMail` (lib/mail).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: serial('id').primaryKey(),
    toAddress: text('to_address').notNull(),
    locale: text('locale', { enum: ['en', 'zh'] }).notNull(),
    /** Name of the template in lib/mail/templates.ts, for the admin viewer and statistics. */
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    status: mailStatus('status').notNull().default('queued'),
    /** Delivery attempts started so far (counted when a row is claimed). */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Makes enqueueing idempotent, e.g. "order-confirmation:123"; null when the caller needs none. */
    dedupeKey: text('dedupe_key'),
    userId: integer('user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** When queued: not before this time (retry backoff). When sending: the claim expires then. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('mail_outbox_dedupe_key_key').on(t.dedupeKey),
    index('mail_outbox_status_next_attempt_idx').on(t.status, t.nextAttemptAt),
    index('mail_outbox_created_idx').on(t.createdAt.desc()),
    check('mail_outbox_locale_known', sql`${t.locale} in ('en', 'zh')`),
    check('mail_outbox_attempts_nonnegative', sql`${t.attempts} >= 0`),
  ],
);
