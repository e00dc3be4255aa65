import { sql } from 'drizzle-orm';
import { boolean, check, index, pgEnum, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from '@/lib/accounts/schema';
import { products } from '@/lib/catalog/schema';
import { cascadeRef, serialId } from '@/db/columns';

export const reviewStatus = pgEnum('review_status', ['visible', 'hidden']);

/** One rating (1–5) and optional text per shopper per product; admins hide and show them. */
export const reviews = pgTable(
  'reviews',
  {
    id: serialId(),
    productId: cascadeRef('product_id', () => products.id),
    userId: cascadeRef('user_id', () => users.id),
    rating: smallint('rating').notNull(),
    title: text('title'),
    body: text('body').notNull().default(''),
    /** The author bought this product (a paid order line) when they wrote or last edited it. */
    verifiedPurchase: boolean('verified_purchase').notNull().default(false),
    status: reviewStatus('status').notNull().default('visible'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('reviews_product_user_key').on(t.productId, t.userId),
    index('reviews_product_status_idx').on(t.productId, t.status, t.createdAt.desc()),
    index('reviews_status_created_idx').on(t.status, t.createdAt.desc()),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
  ],
);
