import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
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

export const neighbourSource = pgEnum('neighbour_source', ['collaborative', 'content', 'hybrid']);

/** The top neighbours of each product, precomputed by the rebuild (lib/recommendations). */
export const itemNeighbours = pgTable(
  'item_neighbours',
  {
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    source: neighbourSource('source').notNull(),
    rank: smallint('rank').notNull(),
    neighbourId: integer('neighbour_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    score: real('score').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.source, t.rank] }),
    index('item_neighbours_neighbour_idx').on(t.neighbourId),
  ],
);

/** Popularity and trend per product, refreshed with the neighbours (cold starts, new visitors). */
export const productScores = pgTable('product_scores', {
  productId: integer('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  popularity: real('popularity').notNull().default(0),
  trending: real('trending').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Bookkeeping of the rebuild (last run, events seen), so instances agree on when to rebuild. */
export const recommenderState = pgTable('recommender_state', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
