import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { users } from '@/lib/accounts/schema';
import { lineKind } from '@/lib/cart/schema';
import { editions } from '@/lib/catalog/schema';
import { cascadeRef, serialId } from '@/db/columns';

export const orderStatus = pgEnum('order_status', [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
  'needs_review',
]);
export const paymentProvider = pgEnum('payment_provider', ['stripe', 'demo']);

/** Order numbers are "EN-" followed by this sequence: readable on the phone, unique, never reused. */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 100001 });

/**
 * An order freezes everything it was sold at: prices, titles and formats on its lines, the shipping
 * address, currency and totals. Status changes are recorded in order_events.
 */
export const orders = pgTable(
  'orders',
  {
    id: serialId(),
    number: text('number').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Contact address; cleared (null) when the customer deletes the account. */
    email: text('email'),
    status: orderStatus('status').notNull().default('pending_payment'),
    currency: char('currency', { length: 3 }).notNull(),
    subtotalMinor: integer('subtotal_minor').notNull(),
    shippingMinor: integer('shipping_minor').notNull(),
    taxMinor: integer('tax_minor').notNull(),
    totalMinor: integer('total_minor').notNull(),
    /** The refundable deposits of the order's rentals: part of total_minor, never taxed. */
    depositMinor: integer('deposit_minor').notNull().default(0),
    taxInclusive: boolean('tax_inclusive').notNull(),
    refundedMinor: integer('refunded_minor').notNull().default(0),
    shippingMethod: text('shipping_method'),
    shipName: text('ship_name'),
    shipLine1: text('ship_line1'),
    shipLine2: text('ship_line2'),
    shipCity: text('ship_city'),
    shipRegion: text('ship_region'),
    shipPostalCode: text('ship_postal_code'),
    shipCountry: text('ship_country'),
    shipPhone: text('ship_phone'),
    /** Keyed hashes of the recipient's name and phone for the back office search (the ship_* fields but the country are encrypted). */
    blindIndex: text('blind_index').array(),
    locale: text('locale').notNull().default('en'),
    /** The browser's checkout attempt: a repeated submit finds this order instead of making another. */
    checkoutKey: text('checkout_key').notNull(),
    /**
     * SHA-256 of the key in order links mailed before keys carried their own expiry (lib/orders/access.ts);
     * empty for orders placed since.
     */
    accessTokenHash: text('access_token_hash').notNull(),
    paymentProvider: paymentProvider('payment_provider').notNull(),
    /** The provider's reference: Stripe Checkout Session id, or the demo payment id. */
    paymentRef: text('payment_ref'),
    paymentIntentRef: text('payment_intent_ref'),
    /** Where to send the shopper to pay (Stripe Checkout URL or the demo page); a repeated submit goes there too. */
    paymentUrl: text('payment_url'),
    /** Unpaid orders give their stock back after this moment. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    /** True once the stock of a cancelled or expired order went back on the shelf (exactly once). */
    stockReleased: boolean('stock_released').notNull().default(false),
    reviewReason: text('review_reason'),
    /**
     * Who placed the order, as keyed hashes (HMAC, never the raw values): the visitor (account or
     * cart cookie), the email address and the client IP. Unpaid orders are capped per each of them
     * (lib/checkout/unpaid-limits.ts); the partial indexes below count only unpaid orders.
     */
    holdVisitor: text('hold_visitor'),
    holdEmail: text('hold_email'),
    holdIp: text('hold_ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('orders_number_key').on(t.number),
    uniqueIndex('orders_checkout_key_key').on(t.checkoutKey),
    uniqueIndex('orders_payment_ref_key').on(t.paymentRef),
    index('orders_user_created_idx').on(t.userId, t.createdAt.desc()),
    index('orders_status_created_idx').on(t.status, t.createdAt.desc()),
    index('orders_pending_expiry_idx')
      .on(t.expiresAt)
      .where(sql`status = 'pending_payment'`),
    index('orders_email_idx').on(sql`lower(${t.email})`),
    index('orders_blind_index_idx').using('gin', t.blindIndex).concurrently(),
    index('orders_unpaid_visitor_idx')
      .on(t.holdVisitor)
      .concurrently()
      .where(sql`status = 'pending_payment'`),
    index('orders_unpaid_email_idx')
      .on(t.holdEmail)
      .concurrently()
      .where(sql`status = 'pending_payment'`),
    index('orders_unpaid_ip_idx')
      .on(t.holdIp)
      .concurrently()
      .where(sql`status = 'pending_payment'`),
    check(
      'orders_totals_nonnegative',
      sql`${t.totalMinor} >= 0 and ${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.totalMinor}`,
    ),
    check('orders_deposit_within_total', sql`${t.depositMinor} >= 0 and ${t.depositMinor} <= ${t.totalMinor}`),
  ],
);

export const orderLines = pgTable(
  'order_lines',
  {
    id: serialId(),
    orderId: cascadeRef('order_id', () => orders.id),
    editionId: integer('edition_id').references(() => editions.id, { onDelete: 'set null' }),
    kind: lineKind('kind').notNull().default('purchase'),
    productSlug: text('product_slug').notNull(),
    title: text('title').notNull(),
    format: text('format').notNull(),
    editionName: text('edition_name'),
    digital: boolean('digital').notNull().default(false),
    unitPriceMinor: integer('unit_price_minor').notNull(),
    quantity: integer('quantity').notNull(),
    lineTotalMinor: integer('line_total_minor').notNull(),
    /** A rental line: the period rented and the refundable deposit paid (unit price = the period's fee). */
    rentalPeriodDays: integer('rental_period_days'),
    rentalDepositMinor: integer('rental_deposit_minor'),
  },
  (t) => [
    index('order_lines_order_idx').on(t.orderId),
    index('order_lines_edition_idx').on(t.editionId),
    check('order_lines_quantity_positive', sql`${t.quantity} > 0`),
    check(
      'order_lines_rental_terms',
      sql`(${t.kind} = 'purchase' and ${t.rentalPeriodDays} is null and ${t.rentalDepositMinor} is null) or (${t.kind} = 'rental' and ${t.rentalPeriodDays} > 0 and ${t.rentalDepositMinor} >= 0 and ${t.quantity} = 1)`,
    ),
  ],
);

/** The timeline of an order: every status change and note, with who did it. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: cascadeRef('order_id', () => orders.id),
    type: text('type').notNull(),
    actor: text('actor').notNull(),
    actorUserId: integer('actor_user_id'),
    /** Staff-only entries (internal notes) that the shopper's timeline never shows. */
    internal: boolean('internal').notNull().default(false),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.createdAt)],
);

export const shipments = pgTable(
  'shipments',
  {
    id: serialId(),
    orderId: cascadeRef('order_id', () => orders.id),
    carrier: text('carrier').notNull(),
    trackingNumber: text('tracking_number').notNull(),
    trackingUrl: text('tracking_url'),
    shippedAt: timestamp('shipped_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [index('shipments_order_idx').on(t.orderId)],
);

export const returnStatus = pgEnum('return_status', ['requested', 'approved', 'rejected', 'received', 'refunded']);

export const returns = pgTable(
  'returns',
  {
    id: serialId(),
    orderId: cascadeRef('order_id', () => orders.id),
    status: returnStatus('status').notNull().default('requested'),
    reason: text('reason').notNull(),
    /** The shopper's form submission: a doubled or retried request finds this return instead of adding one. */
    requestKey: text('request_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('returns_order_idx').on(t.orderId),
    index('returns_status_idx').on(t.status, t.createdAt),
    uniqueIndex('returns_order_request_key').on(t.orderId, t.requestKey).concurrently(),
  ],
);

export const returnLines = pgTable(
  'return_lines',
  {
    id: serialId(),
    returnId: cascadeRef('return_id', () => returns.id),
    orderLineId: cascadeRef('order_line_id', () => orderLines.id),
    quantity: integer('quantity').notNull(),
  },
  (t) => [
    // An order line appears once per return (its quantities are summed before the insert).
    uniqueIndex('return_lines_return_order_line_key').on(t.returnId, t.orderLineId).concurrently(),
    index('return_lines_order_line_idx').on(t.orderLineId).concurrently(),
    check('return_lines_quantity_positive', sql`${t.quantity} > 0`),
  ],
);

export const refunds = pgTable(
  'refunds',
  {
    id: serialId(),
    orderId: cascadeRef('order_id', () => orders.id),
    amountMinor: integer('amount_minor').notNull(),
    reason: text('reason'),
    providerRef: text('provider_ref'),
    actorUserId: integer('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('refunds_order_idx').on(t.orderId), check('refunds_amount_positive', sql`${t.amountMinor} > 0`)],
);
