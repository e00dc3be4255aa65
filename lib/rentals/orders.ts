import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Transaction } from '@/db';
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
