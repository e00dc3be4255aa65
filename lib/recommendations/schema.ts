import {
  bigserial,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from '@/lib/accounts/schema';
import { products } from '@/lib/catalog/schema';
import type { BuildState, RankedLists } from './state';
import { cascadeRef } from '@/db/columns';

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
    productId: cascadeRef('product_id', () => products.id),
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

/**
 * The top neighbours of each product, precomputed by the rebuild (lib/recommendations/rebuild.ts):
 * one row per product with one ranked list per recommender, best first. Lists rather than one row
 * per pair: a 50,000-product catalog with three lists of 20 is 50,000 rows instead of 3 million,
 * which is what lets a rebuild write them in seconds (every pair row paid for its foreign-key checks
 * and index entries), and a product page or a shopper's "for you" reads one row per source product.
 * Only the hybrid list keeps its scores ("for you" adds them up over a shopper's items); the other
 * two are shown in order. Neighbour ids have no foreign key: readers join `products` (only active,
 * sellable products are shown), and the next rebuild drops deleted ones.
 */
export const itemNeighbours = pgTable('item_neighbours', {
  productId: integer('product_id')
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  /** Item-to-item collaborative filtering: "customers who bought this also bought". */
  collaborativeIds: integer('collaborative_ids').array().notNull(),
  /** Content similarity (genres, people, label, decade, kind, formats, words): "more like this". */
  contentIds: integer('content_ids').array().notNull(),
  /** The blend of both, by evidence: what "for you" walks from a shopper's history. */
  hybridIds: integer('hybrid_ids').array().notNull(),
  hybridScores: real('hybrid_scores').array().notNull(),
});

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
  value: jsonb('value').$type<BuildState | RankedLists>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
