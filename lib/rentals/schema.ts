import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '@/lib/accounts/schema';
import { editions } from '@/lib/catalog/schema';
import { orderLines, orders } from '@/lib/orders/schema';

/**
 * Rentals: physical copies of rentable editions and the rentals of those copies. The fee for one
 * period stays `editions.rental_price_minor` (the catalog editor's field) and the period lengths come
 * from configuration (RENTAL_PERIOD_DAYS); `rental_terms` only overrides the defaults of the rest.
 * Copies, rentals and refunds change only in lib/rentals, by conditional updates in transactions.
 */

/** The copy's physical state, graded at the desk (goldmine-like scale, best first). */
export const rentalCopyGrade = pgEnum('rental_copy_grade', ['mint', 'excellent', 'good', 'fair', 'poor']);

export const rentalCopyStatus = pgEnum('rental_copy_status', [
  'available',
  'reserved',
  'out',
  'returned_pending_check',
  'lost',
  'damaged',
  'retired',
]);

/**
 * A rental's life: a copy held for it, the copy with the shopper, the copy back at the desk — or
 * cancelled before dispatch (its order cancelled or expired unpaid: the copy went back to available).
 */
export const rentalStatus = pgEnum('rental_status', ['reserved', 'out', 'returned', 'cancelled']);

export type RentalCopyGrade = (typeof rentalCopyGrade.enumValues)[number];
export type RentalCopyStatus = (typeof rentalCopyStatus.enumValues)[number];
export type RentalStatus = (typeof rentalStatus.enumValues)[number];

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/**
 * Per-edition overrides of the rental terms; an edition without a row (every rentable edition when
 * this table arrived) uses the defaults: the late fee of a day is the period fee spread over the
 * shortest period, rounded up, and the deposit is the edition's sale price when the copy is reserved.
 */
export const rentalTerms = pgTable(
  'rental_terms',
  {
    editionId: integer('edition_id')
      .primaryKey()
      .references(() => editions.id, { onDelete: 'cascade' }),
    lateFeePerDayMinor: integer('late_fee_per_day_minor'),
    depositMinor: integer('deposit_minor'),
    ...timestamps,
  },
  (t) => [
    check('rental_terms_late_fee_nonnegative', sql`${t.lateFeePerDayMinor} is null or ${t.lateFeePerDayMinor} >= 0`),
    check('rental_terms_deposit_nonnegative', sql`${t.depositMinor} is null or ${t.depositMinor} >= 0`),
  ],
);

export const rentalCopies = pgTable(
  'rental_copies',
  {
    id: serial('id').primaryKey(),
    // Restrict: a physical copy (and its rentals' history) never disappears with a catalog edit.
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'restrict' }),
    /** The barcode or code on the copy's sticker, trimmed and upper-cased (lib/rentals/codes.ts). */
    code: text('code').notNull(),
    grade: rentalCopyGrade('grade').notNull().default('good'),
    status: rentalCopyStatus('status').notNull().default('available'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('rental_copies_code_key').on(t.code),
    // Picking a free copy of an edition reads only the available ones.
    index('rental_copies_available_idx')
      .on(t.editionId, t.id)
      .where(sql`${t.status} = 'available'`),
    index('rental_copies_edition_status_idx').on(t.editionId, t.status),
  ],
);

export const rentals = pgTable(
  'rentals',
  {
    id: serial('id').primaryKey(),
    copyId: integer('copy_id')
      .notNull()
      .references(() => rentalCopies.id, { onDelete: 'restrict' }),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'restrict' }),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The order and line that paid fee and deposit; null until checkout takes rentals. */
    orderId: integer('order_id').references(() => orders.id, { onDelete: 'set null' }),
    orderLineId: integer('order_line_id').references(() => orderLines.id, { onDelete: 'set null' }),
    status: rentalStatus('status').notNull().default('reserved'),
    /** The terms as they were when the copy was reserved (later edits of the edition change nothing). */
    feeMinor: integer('fee_minor').notNull(),
    depositMinor: integer('deposit_minor').notNull(),
    lateFeePerDayMinor: integer('late_fee_per_day_minor').notNull(),
    periodDays: integer('period_days').notNull(),
    dispatchedAt: timestamp('dispatched_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    lateFeeChargedMinor: integer('late_fee_charged_minor'),
    damageChargeMinor: integer('damage_charge_minor'),
    /** What the deposit refund owes the shopper, set once at check-in with its idempotency key. */
    depositRefundMinor: integer('deposit_refund_minor'),
    depositRefundKey: text('deposit_refund_key'),
    ...timestamps,
  },
  (t) => [
    // A copy is held by at most one rental that is not back yet, whatever the code above does.
    uniqueIndex('rentals_copy_active_key')
      .on(t.copyId)
      .where(sql`${t.status} in ('reserved', 'out')`),
    uniqueIndex('rentals_deposit_refund_key').on(t.depositRefundKey),
    index('rentals_overdue_idx')
      .on(t.dueAt)
      .where(sql`${t.status} = 'out'`),
    index('rentals_user_idx').on(t.userId, t.createdAt.desc()),
    index('rentals_copy_idx').on(t.copyId, t.createdAt.desc()),
    index('rentals_order_idx').on(t.orderId),
    check(
      'rentals_amounts_nonnegative',
      sql`${t.feeMinor} >= 0 and ${t.depositMinor} >= 0 and ${t.lateFeePerDayMinor} >= 0 and ${t.periodDays} > 0`,
    ),
    check(
      'rentals_dispatched',
      // Written without 'cancelled': a new enum value cannot be used in the migration that adds it.
      sql`${t.status} not in ('out', 'returned') or (${t.dispatchedAt} is not null and ${t.dueAt} is not null)`,
    ),
    check(
      'rentals_returned',
      sql`${t.status} <> 'returned' or (${t.returnedAt} is not null and ${t.depositRefundMinor} is not null and ${t.depositRefundKey} is not null)`,
    ),
    check(
      'rentals_refund_within_deposit',
      sql`${t.depositRefundMinor} is null or (${t.depositRefundMinor} >= 0 and ${t.depositRefundMinor} <= ${t.depositMinor})`,
    ),
  ],
);
