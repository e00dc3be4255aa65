import 'server-only';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { takeFreeCopy } from './desk';
import { rentalCopies, rentals } from './schema';

/**
 * Rentals and the order that paid for them. When an order is cancelled or expires before its rentals
 * were dispatched, each `reserved` rental becomes `cancelled` and its copy `available` again — in the
 * caller's transaction (the one that moves the order's status, once), with updates conditional on
 * `reserved`, so that a cancellation run twice, or at the same moment as the desk, releases a copy
 * once. A rental already dispatched (`out`) or back (`returned`) is not touched.
 */

/** Releases the order's reserved rentals and their copies; returns how many were released. */
export async function releaseOrderRentals(tx: Transaction, orderId: number): Promise<number> {
  const released = await tx
    .update(rentals)
    .set({ status: 'cancelled', updatedAt: sql`now()` })
    .where(and(eq(rentals.orderId, orderId), eq(rentals.status, 'reserved')))
    .returning({ id: rentals.id, copyId: rentals.copyId });
  if (released.length === 0) return 0;
  const copies = await tx
    .update(rentalCopies)
    .set({ status: 'available', updatedAt: sql`now()` })
    .where(
      and(
        inArray(
          rentalCopies.id,
          released.map((rental) => rental.copyId),
        ),
        eq(rentalCopies.status, 'reserved'),
      ),
    )
    .returning({ id: rentalCopies.id });
  // A reserved rental's copy is reserved (only lib/rentals moves it): anything else is a broken invariant, rolled back.
  if (copies.length !== released.length) {
    throw new Error(`Order ${orderId}: ${released.length} rentals released but ${copies.length} copies were reserved`);
  }
  return released.length;
}

/**
 * Staff found an order paid after all once its cancellation had released its rentals (lib/orders/
 * review.ts): each rental line whose last rental was cancelled gets a copy held again, on the terms
 * the order paid. False when an edition has no free copy — the caller then rolls everything back.
 */
export async function reserveOrderRentalsAgain(tx: Transaction, orderId: number, now: Date): Promise<boolean> {
  const all = await tx.select().from(rentals).where(eq(rentals.orderId, orderId)).orderBy(asc(rentals.id));
  // The last rental of each order line (a line cancelled twice has two cancelled rentals).
  const last = new Map(all.map((rental) => [rental.orderLineId ?? -rental.id, rental]));
  for (const rental of last.values()) {
    if (rental.status !== 'cancelled') continue;
    const copyId = await takeFreeCopy(tx, rental.editionId, now);
    if (copyId === null) return false;
    const { id: _id, copyId: _copy, status: _status, createdAt: _created, updatedAt: _updated, ...terms } = rental;
    await tx.insert(rentals).values({ ...terms, copyId, status: 'reserved', createdAt: now, updatedAt: now });
  }
  return true;
}
