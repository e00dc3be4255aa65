import { setTimeout as sleep } from 'node:timers/promises';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect } from 'vitest';
import { getDb } from '@/db';
import type { StaffUser } from '@/lib/audit/staff';
import { lockOrder } from '@/lib/orders/lifecycle';
import { leaveRentalWaitlists } from '@/lib/privacy/delete-rentals';
import { lockOrderRentals } from '@/lib/orders/release-rentals-sql';
import { checkIn, dispatchRental, reserveCopy, reserveCopyIn } from '@/lib/rentals/desk';
import { keepRental } from '@/lib/rentals/keep';
import { markRentalLost } from '@/lib/rentals/lost';
import { rentalCopies, rentalWaitlist } from '@/lib/rentals/schema';
import { itOnPostgres } from '../support/concurrency';
import { first } from '../support/lists';
import {
  at,
  BERLIN,
  copyStatuses,
  createRentableEdition,
  deskAdmin,
  linkToPaidOrder,
  refundsOf,
  rentalsOf,
} from '../support/rentals';
import { createTestUser } from '../support/users';

// Settling a deposit (check-in, keep it, mark lost) claims a refund on the rental's order. Cancelling
// a paid order locks the order and then its rentals (lib/orders/mutations.ts cancelPaidOrder, as the
// desk's dispatch does). Settling must take the locks in the same order, or the two deadlock and
// PostgreSQL aborts one of them (a 500 for the desk or the shopper).

let admin: StaffUser;
let shopper: { id: number };
beforeAll(async () => {
  admin = await deskAdmin();
  shopper = await createTestUser({ prefix: 'lockorder' });
});

async function paidAndOut() {
  const dispatchedAt = at('2026-03-01T10:00:00Z');
  const { editionId, codes } = await createRentableEdition({ copies: 1, priceMinor: 2999 });
  const reserved = await reserveCopy({ editionId, userId: shopper.id, periodDays: 7, now: dispatchedAt }, BERLIN);
  if (!reserved.ok) throw new Error(reserved.error);
  const order = await linkToPaidOrder(reserved.rental.id);
  const dispatched = await dispatchRental(admin, { rentalId: reserved.rental.id, now: dispatchedAt }, BERLIN);
  if (!dispatched.ok) throw new Error(dispatched.error);
  return { code: first(codes), rentalId: reserved.rental.id, ...order };
}

/**
 * The first steps of cancelling the paid order (its row, then its rentals) while `settle` runs: the
 * order is locked, `settle` starts and waits a moment, then the rentals are locked and the cancel's
 * transaction ends. Both sides must finish (no deadlock error).
 */
async function settleDuringCancel<T>(orderId: number, settle: () => Promise<T>): Promise<T> {
  const db = await getDb();
  let settling: Promise<T> | null = null;
  await db.transaction(async (tx) => {
    expect(await lockOrder(tx, { id: orderId })).toBeTruthy();
    settling = settle();
    settling.catch(() => undefined); // awaited below
    await sleep(300);
    // Broken lock order: the settle holds the rental and waits for the order → deadlock here or there.
    await lockOrderRentals(tx, orderId);
  });
  return settling as unknown as Promise<T>;
}

describe('settling a deposit while the order is being cancelled', () => {
  itOnPostgres('a check-in does not deadlock with the cancellation and refunds once', async () => {
    const { code, orderId } = await paidAndOut();
    const result = await settleDuringCancel(orderId, () =>
      checkIn(admin, { code, now: at('2026-03-05T10:00:00Z') }, BERLIN),
    );
    expect(result.ok).toBe(true);
    expect(await refundsOf(orderId)).toMatchObject({ refunded: 2999, refunds: [{ amount: 2999 }] });
  });

  itOnPostgres('keep it does not deadlock with the cancellation', async () => {
    const { rentalId, orderId } = await paidAndOut();
    const result = await settleDuringCancel(orderId, () =>
      keepRental(shopper, { rentalId, now: at('2026-03-05T10:00:00Z') }, BERLIN),
    );
    expect(result).toMatchObject({ ok: true, outcome: 'kept' });
    expect((await refundsOf(orderId)).refunds).toHaveLength(1);
  });

  itOnPostgres('mark lost does not deadlock with the cancellation', async () => {
    const { rentalId, orderId } = await paidAndOut();
    const result = await settleDuringCancel(orderId, () =>
      markRentalLost(admin, { rentalId, chargeMinor: 500, now: at('2026-03-05T10:00:00Z') }, BERLIN),
    );
    expect(result.ok).toBe(true);
    expect(await refundsOf(orderId)).toMatchObject({ refunded: 2499, refunds: [{ amount: 2499 }] });
  });
});

describe('deleting an account while its checkout takes the copy the waitlist holds for it', () => {
  itOnPostgres('the copy stays reserved for the new rental (not put back on the shelf)', async () => {
    const { editionId } = await createRentableEdition({ copies: 1 });
    const user = await createTestUser({ prefix: 'leaving' });
    const now = new Date();
    const db = await getDb();
    const [copy] = await db
      .update(rentalCopies)
      .set({ status: 'reserved' })
      .where(eq(rentalCopies.editionId, editionId))
      .returning({ id: rentalCopies.id });
    await db.insert(rentalWaitlist).values({
      editionId,
      userId: user.id,
      status: 'offered',
      copyId: copy?.id,
      offeredAt: now,
      offerExpiresAt: new Date(now.getTime() + 3_600_000),
      createdAt: now,
      updatedAt: now,
    });
    let deleting: Promise<number> | null = null;
    await db.transaction(async (tx) => {
      // The checkout: the held copy becomes the rental's, its place fulfilled (not committed yet).
      const reserved = await reserveCopyIn(tx, { editionId, userId: user.id, periodDays: 7, now }, BERLIN);
      expect(reserved.ok && reserved.rental.copyId).toBe(copy?.id);
      deleting = db.transaction((other) => leaveRentalWaitlists(other, user.id, now));
      deleting.catch(() => undefined); // awaited below
      await sleep(300);
    });
    await deleting;
    expect((await rentalsOf(editionId)).map((rental) => rental.status)).toEqual(['reserved']);
    expect(await copyStatuses(editionId)).toEqual(['reserved']);
  });
});
