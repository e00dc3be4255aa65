import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { editions } from '@/lib/catalog/schema';
import { cascadeRef } from '@/db/columns';

export const stockReason = pgEnum('stock_reason', [
  'initial',
  'restock',
  'order',
  'cancel',
  'expired',
  'return',
  'damaged',
  'correction',
]);

/**
 * The stock ledger: one row per change of an edition's stock. `editions.stock` always equals the
 * sum of `delta` for that edition; both change in the same transaction.
 */
export const stockMovements = pgTable(
  'stock_movements',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    editionId: cascadeRef('edition_id', () => editions.id),
    delta: integer('delta').notNull(),
    reason: stockReason('reason').notNull(),
    /** The order behind an order/cancel/expired/return movement, when there is one. */
    orderId: integer('order_id'),
    note: text('note'),
    actorUserId: integer('actor_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('stock_movements_edition_idx').on(t.editionId, t.createdAt),
    index('stock_movements_reason_created_idx').on(t.reason, t.createdAt),
    check('stock_movements_delta_nonzero', sql`${t.delta} <> 0`),
  ],
);
