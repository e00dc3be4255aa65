import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '@/lib/accounts/schema';
import { editions, products } from '@/lib/catalog/schema';
import { cascadeRef, serialId } from '@/db/columns';

/** A shopper's wishlist: products, with the lowest price when they were added (for "cheaper" mails). */
export const wishlistItems = pgTable(
  'wishlist_items',
  {
    userId: cascadeRef('user_id', () => users.id),
    productId: cascadeRef('product_id', () => products.id),
    priceSeenMinor: integer('price_seen_minor'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.productId] }), index('wishlist_items_product_idx').on(t.productId)],
);

/**
 * Mails already sent about a wished edition (back in stock, released, cheaper), so each event mails
 * once. `marker` identifies the event: the restock movement id, the release date, the new price.
 */
export const wishlistNotifications = pgTable(
  'wishlist_notifications',
  {
    id: serialId(),
    userId: cascadeRef('user_id', () => users.id),
    editionId: cascadeRef('edition_id', () => editions.id),
    kind: text('kind').notNull(),
    marker: text('marker').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('wishlist_notifications_key').on(t.userId, t.editionId, t.kind, t.marker)],
);
