import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { serialId } from '@/db/columns';

/**
 * - queued: waiting for delivery (or for its next retry at `next_attempt_at`);
 * - sending: claimed by one app instance; `next_attempt_at` is then the end of its lease;
 * - sent, failed: final (failed after MAX_ATTEMPTS);
 * - held: no transport was configured when it was written; it stays here for admins to read;
 * - cancelled: final; a link it carried could no longer be made when it was due (the account's
 *   password changed, its sessions were ended, or its address changed, after a reset was asked for).
 */
export const mailStatus = pgEnum('mail_status', ['queued', 'sending', 'sent', 'failed', 'held', 'cancelled']);

/**
 * The outbox: every mail the store sends is written here first, in the same transaction as the
 * change that caused it, then delivered by `deliverPendingMail` (lib/mail/deliver.ts), which renders
 * it. No live secret is ever stored: links that carry one are descriptions in `data`
 * (lib/mail/secret-links.ts), made real only while sending. The personal content is encrypted at rest
 * (lib/security/encryption.ts, with the column name as context): `to_address`, `subject`, `data` and
 * `last_error`. Mail in a final state is deleted after RETAIN_MAIL_DAYS (lib/jobs/retention.ts).
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: serialId(),
    /** Encrypted (`mail_outbox.to_address`). */
    toAddress: text('to_address').notNull(),
    /** Keyed hash of the normalized address (lib/mail/recipient.ts): exact search and purge by address. */
    toHash: text('to_hash').notNull(),
    locale: text('locale', { enum: ['en', 'zh'] }).notNull(),
    /** Name of the template in lib/mail/templates.ts, for the admin viewer and statistics. */
    template: text('template').notNull(),
    /** Encrypted (`mail_outbox.subject`), rendered when the mail was written, for the admin list. */
    subject: text('subject').notNull(),
    /** Encrypted JSON (`mail_outbox.data`): the template's data, secret links as descriptions. */
    data: text('data').notNull(),
    status: mailStatus('status').notNull().default('queued'),
    /** Delivery attempts started so far (counted when a row is claimed). */
    attempts: integer('attempts').notNull().default(0),
    /** Encrypted (`mail_outbox.last_error`): a server's answer often quotes the address. */
    lastError: text('last_error'),
    /** Makes enqueueing idempotent, e.g. "order-confirmation:123"; null when the caller needs none. */
    dedupeKey: text('dedupe_key'),
    /** The account the mail is about or addressed to; its mail is deleted with it. */
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
    index('mail_outbox_to_hash_idx').on(t.toHash).concurrently(),
    index('mail_outbox_user_idx').on(t.userId).concurrently(),
    check('mail_outbox_locale_known', sql`${t.locale} in ('en', 'zh')`),
    check('mail_outbox_attempts_nonnegative', sql`${t.attempts} >= 0`),
  ],
);
