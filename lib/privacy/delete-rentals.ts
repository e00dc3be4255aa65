import 'server-only';
import { and, eq, inArray, notExists, sql } from 'drizzle-orm';
import { type Executor, type Transaction } from '@/db';
import { rentalCopies, rentals, rentalWaitlist } from '@/lib/rentals/schema';

// What deleting an account does with its rentals (lib/privacy/delete-account.ts): the rule for open
// orders applies to rentals, and the account's places in rental waitlists end with it.

/**
 * Whether the account has a rental held for it or out with it (`reserved`, `out`): like an order on
 * its way, it keeps the account (and its address) until the disc is back or the rental cancelled.
 */
export async function hasRentalsOut(executor: Executor, userId: number): Promise<boolean> {
  const [open] = await executor
    .select({ id: rentals.id })
    .from(rentals)
    .where(and(eq(rentals.userId, userId), inArray(rentals.status, ['reserved', 'out'])))
    .limit(1);
  return open !== undefined;
}

/**
 * Deletes the account's places in rental waitlists, in the deletion's transaction. A copy held for an
 * offer to this account (reserved, no rental on it) goes back to `available` first, by a conditional
 * update, so the held copy is not lost to the shop. The places are locked first (FOR UPDATE): a
 * checkout taking the held copy at this moment (lib/rentals/waitlist.ts takeHeldCopy, which marks the
 * place `fulfilled`) is waited for, and then its copy is the new rental's and stays `reserved`.
 * Returns how many places went.
 */
export async function leaveRentalWaitlists(tx: Transaction, userId: number, now: Date): Promise<number> {
  const places = await tx
    .select({ status: rentalWaitlist.status, copyId: rentalWaitlist.copyId })
    .from(rentalWaitlist)
    .where(eq(rentalWaitlist.userId, userId))
    .for('update');
  const held = places.flatMap((place) => (place.status === 'offered' && place.copyId !== null ? [place.copyId] : []));
  if (held.length > 0) {
    await tx
      .update(rentalCopies)
      .set({ status: 'available', updatedAt: now })
      .where(
        and(
          inArray(rentalCopies.id, held),
          eq(rentalCopies.status, 'reserved'),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(rentals)
              .where(and(eq(rentals.copyId, rentalCopies.id), inArray(rentals.status, ['reserved', 'out']))),
          ),
        ),
      );
  }
  const gone = await tx
    .delete(rentalWaitlist)
    .where(eq(rentalWaitlist.userId, userId))
    .returning({ id: rentalWaitlist.id });
  return gone.length;
}
