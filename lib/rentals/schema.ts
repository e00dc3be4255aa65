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
  // Kept by its renter (bought out, or converted when the late fees reached the deposit): no longer the shop's.
  'sold',
]);

/**
 * A rental's life: a copy held for it, the copy with the shopper, the copy back at the desk — or
 * cancelled before dispatch (its order cancelled or expired unpaid: the copy went back to available),
 * kept by the shopper (bought out, or converted to a purchase when the late fees reached the
 * deposit), or lost while out (the desk charged the deposit for it).
 */
export const rentalStatus = pgEnum('rental_status', ['reserved', 'out', 'returned', 'cancelled', 'kept', 'lost']);

/**
 * A place in an edition's waitlist: waiting; offered a copy held for a while (the copy is `reserved`
 * with no rental yet); fulfilled when that copy was rented; expired when the hold ran out; left when
 * the shopper stepped out of line.
 */
export const rentalWaitlistStatus = pgEnum('rental_waitlist_status', [
  'waiting',
  'offered',
  'fulfilled',
  'expired',
  'left',
]);

export type RentalCopyGrade = (typeof rentalCopyGrade.enumValues)[number];
export type RentalCopyStatus = (typeof rentalCopyStatus.enumValues)[number];

/**
 * The copies no longer offered for rent; every other copy is in service (on the shelf, held or out).
 * The one list: the rent offer, the waitlist, the report and the listings' "For rent" read it.
 */
export const COPY_OUT_OF_SERVICE = [
  'retired',
  'lost',
  'damaged',
  'sold',
] as const satisfies readonly RentalCopyStatus[];
export type RentalStatus = (typeof rentalStatus.enumValues)[number];
export type RentalWaitlistStatus = (typeof rentalWaitlistStatus.enumValues)[number];

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
    /** How the desk sent it, when it said: the carrier's name, the tracking number and page (lib/orders/carriers.ts). */
    carrier: text('carrier'),
    trackingNumber: text('tracking_number'),
    trackingUrl: text('tracking_url'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    returnedAt: timestamp('returned_at', { withTimezone: true }),
    lateFeeChargedMinor: integer('late_fee_charged_minor'),
    damageChargeMinor: integer('damage_charge_minor'),
    /** What the deposit refund owes the shopper, set once at check-in with its idempotency key. */
    depositRefundMinor: integer('deposit_refund_minor'),
    depositRefundKey: text('deposit_refund_key'),
    /** Kept by the shopper: when, and the price (sale price less the fee paid) the deposit paid first. */
    keptAt: timestamp('kept_at', { withTimezone: true }),
    buyOutPriceMinor: integer('buy_out_price_minor'),
    /**
     * The order that pays a buy-out's shortfall (the price less what the deposit left covers): the
     * rental becomes kept once that order is paid (lib/rentals/keep.ts settleBuyOutPayments). The last one asked.
     */
    buyOutOrderId: integer('buy_out_order_id').references(() => orders.id, { onDelete: 'set null' }),
    /** Lost while out: when the desk recorded it (the charge is `damage_charge_minor`). */
    lostAt: timestamp('lost_at', { withTimezone: true }),
    /** When each reminder mail was queued (before the due date, on it, overdue): each one once. */
    remindedBeforeAt: timestamp('reminded_before_at', { withTimezone: true }),
    remindedDueAt: timestamp('reminded_due_at', { withTimezone: true }),
    remindedOverdueAt: timestamp('reminded_overdue_at', { withTimezone: true }),
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
    index('rentals_buy_out_order_idx')
      .on(t.buyOutOrderId)
      .where(sql`${t.buyOutOrderId} is not null`)
      .concurrently(),
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
    check('rentals_tracking', sql`${t.trackingNumber} is null or ${t.carrier} is not null`),
    check(
      'rentals_buy_out_price',
      sql`${t.buyOutPriceMinor} is null or (${t.buyOutPriceMinor} >= 0 and ${t.keptAt} is not null)`,
    ),
    check(
      'rentals_refund_within_deposit',
      sql`${t.depositRefundMinor} is null or (${t.depositRefundMinor} >= 0 and ${t.depositRefundMinor} <= ${t.depositMinor})`,
    ),
  ],
);

export const rentalWaitlist = pgTable(
  'rental_waitlist',
  {
    id: serial('id').primaryKey(),
    editionId: integer('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: rentalWaitlistStatus('status').notNull().default('waiting'),
    /** The copy held for this shopper while offered (reserved, with no rental yet). */
    copyId: integer('copy_id').references(() => rentalCopies.id, { onDelete: 'restrict' }),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    /** The rental the offer became. */
    rentalId: integer('rental_id').references(() => rentals.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    // One place in line per shopper and edition.
    uniqueIndex('rental_waitlist_active_key')
      .on(t.editionId, t.userId)
      .where(sql`${t.status} in ('waiting', 'offered')`),
    // A held copy is offered to one shopper.
    uniqueIndex('rental_waitlist_offered_copy_key')
      .on(t.copyId)
      .where(sql`${t.status} = 'offered'`),
    index('rental_waitlist_line_idx')
      .on(t.editionId, t.createdAt, t.id)
      .where(sql`${t.status} = 'waiting'`),
    index('rental_waitlist_offer_expiry_idx')
      .on(t.offerExpiresAt)
      .where(sql`${t.status} = 'offered'`),
    index('rental_waitlist_user_idx').on(t.userId, t.createdAt.desc()),
    check(
      'rental_waitlist_offer',
      sql`${t.status} <> 'offered' or (${t.copyId} is not null and ${t.offeredAt} is not null and ${t.offerExpiresAt} is not null)`,
    ),
  ],
);
