import 'server-only';
import { and, eq, gte, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { editions } from '@/lib/catalog/schema';
import { stockMovements } from './schema';

/**
 * Stock movements other domains make in their own transactions: the edition's stock changes by a
 * conditional UPDATE and its ledger row is written with it (`editions.stock` stays the sum of the
 * ledger). Callers lock editions in id order, like checkout and cancellation, so concurrent writers
 * never deadlock.
 */

export type StockReason = (typeof stockMovements.reason.enumValues)[number];

type Movement = { editionId: number; quantity: number; orderId: number; actorUserId: number; note: string };

/** Takes `quantity` units for an order, never below zero; false (and nothing written) when there are not enough. */
export async function takeStock(tx: Transaction, movement: Movement): Promise<boolean> {
  const [taken] = await tx
    .update(editions)
    .set({ stock: sql`${editions.stock} - ${movement.quantity}`, updatedAt: sql`now()` })
    .where(and(eq(editions.id, movement.editionId), gte(editions.stock, movement.quantity)))
    .returning({ id: editions.id });
  if (!taken) return false;
  await tx.insert(stockMovements).values({
    editionId: movement.editionId,
    delta: -movement.quantity,
    reason: 'order',
    orderId: movement.orderId,
    actorUserId: movement.actorUserId,
    note: movement.note,
  });
  return true;
}

/**
 * Puts `quantity` returned units back on the shelf. Returns the edition's stock before and after,
 * or null when the edition no longer exists (nothing to put back, nothing written).
 */
export async function returnToStock(
  tx: Transaction,
  movement: Movement,
): Promise<{ before: number; after: number } | null> {
  const [edition] = await tx
    .update(editions)
    .set({ stock: sql`${editions.stock} + ${movement.quantity}`, updatedAt: sql`now()` })
    .where(eq(editions.id, movement.editionId))
    .returning({ stock: editions.stock });
  if (!edition) return null;
  await tx.insert(stockMovements).values({
    editionId: movement.editionId,
    delta: movement.quantity,
    reason: 'return',
    orderId: movement.orderId,
    actorUserId: movement.actorUserId,
    note: movement.note,
  });
  return { before: edition.stock - movement.quantity, after: edition.stock };
}
