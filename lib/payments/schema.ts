import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Provider events already applied (Stripe webhook event ids): inserting the id is the first step of
 * applying an event, in the same transaction, so a redelivered event is applied once.
 */
export const paymentEvents = pgTable('payment_events', {
  eventId: text('event_id').primaryKey(),
  provider: text('provider').notNull(),
  type: text('type').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
