import { bigserial, index, integer, pgEnum, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from '@/lib/accounts/schema';
import { products } from '@/lib/catalog/schema';

export const interactionType = pgEnum('interaction_type', ['view', 'add_to_cart', 'wishlist', 'purchase', 'rating']);

/**
 * The raw signals recommendations learn from: views, add-to-cart, wishlist, purchases and ratings,
 * by a user or an anonymous visitor (first-party id, linked to the account at sign-in).
 */
export const interactionEvents = pgTable(
  'interaction_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    visitorId: text('visitor_id'),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    type: interactionType('type').notNull(),
    /** Stars for ratings (1–5), quantity for purchases. */
    value: smallint('value'),
    /** The order behind a purchase signal, so that a repeated fulfil records it once. */
    orderId: integer('order_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('interaction_events_user_idx').on(t.userId, t.createdAt),
    index('interaction_events_visitor_idx').on(t.visitorId, t.createdAt),
    index('interaction_events_product_type_idx').on(t.productId, t.type, t.createdAt),
    index('interaction_events_created_idx').on(t.createdAt),
    index('interaction_events_order_idx').on(t.orderId),
  ],
);
