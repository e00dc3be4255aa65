import { sql } from 'drizzle-orm';
import { check, index, integer, pgEnum, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '@/lib/accounts/schema';
import { editions } from '@/lib/catalog/schema';
import { cascadeRef, serialId } from '@/db/columns';

/** What a line is for: buying, or renting one copy for a period (its own line, quantity 1). */
export const lineKind = pgEnum('line_kind', ['purchase', 'rental']);

/**
 * Carts live in Postgres. A guest's cart is found by its random id, kept in an HttpOnly cookie; a
 * signed-in shopper has one cart (unique user_id). At sign-in the guest cart merges into it.
 */
export const carts = pgTable(
  'carts',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('carts_user_key').on(t.userId), index('carts_updated_idx').on(t.updatedAt)],
);

export const cartLines = pgTable(
  'cart_lines',
  {
    id: serialId(),
    cartId: uuid('cart_id')
      .notNull()
      .references(() => carts.id, { onDelete: 'cascade' }),
    editionId: cascadeRef('edition_id', () => editions.id),
    kind: lineKind('kind').notNull().default('purchase'),
    quantity: integer('quantity').notNull(),
    /** The price when the line was added, to tell the shopper when it changed. */
    priceSeenMinor: integer('price_seen_minor').notNull(),
    /** A rental line's period, one of RENTAL_PERIOD_DAYS; null on a purchase line. */
    rentalPeriodDays: integer('rental_period_days'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cart_lines_cart_edition_kind_key').on(t.cartId, t.editionId, t.kind),
    check('cart_lines_quantity_positive', sql`${t.quantity} > 0`),
    check(
      'cart_lines_rental_period',
      sql`(${t.kind} = 'purchase' and ${t.rentalPeriodDays} is null) or (${t.kind} = 'rental' and ${t.rentalPeriodDays} > 0 and ${t.quantity} = 1)`,
    ),
  ],
);
