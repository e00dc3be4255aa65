import 'server-only';
import { eq } from 'drizzle-orm';
import type { Transaction } from '@/db';
import type { Actor } from '@/lib/orders/lifecycle';
import { claimRefund } from '@/lib/orders/refunds';
import { orders } from '@/lib/orders/schema';
import type { OrderStatus } from '@/lib/orders/staff';
import { rentals } from './schema';

type Rental = typeof rentals.$inferSelect;

/** Order statuses whose rentals the desk may dispatch, and whose deposit may be refunded. */
export const PAID_ORDER_STATUSES = ['paid', 'shipped', 'delivered'] as const satisfies readonly OrderStatus[];

/**
 * The key of a rental's deposit settlement, set once when the rental is settled (checked in, kept,
 * lost; unique): the rental's deposit is settled once. The payment provider's idempotency key is the
 * refund row's (`refund-<id>`, lib/orders/refunds.ts).
 */
export const depositRefundKey = (rentalId: number) => `rental-${rentalId}-deposit-refund`;

/**
 * What happened to the rest of a deposit: nothing to refund (`none`: no order, or the fees took it
 * all), refunded through the provider (`sent`), claimed but the provider failed (`pending`: staff retry
 * it from the order page), or not claimable because the order is no longer paid (`not_claimed`:
 * cancelled, refunded in full or waiting for review; staff decide on the order page).
 */
export type DepositRefund =
  | { status: 'none' }
  | { status: 'sent' | 'pending'; refundId: number; amountMinor: number }
  | { status: 'not_claimed'; amountMinor: number };

/**
 * Claims what is left of a settled rental's deposit on its order (in the caller's transaction): none
 * without an order or with nothing left; not claimed when the order is no longer paid (or shipped,
 * delivered); else pending until executeRefund sends it after the commit.
 */
export async function claimDepositRest(
  tx: Transaction,
  rental: Rental,
  amountMinor: number,
  reason: string,
  actor: Actor,
): Promise<DepositRefund> {
  if (rental.orderId === null || amountMinor <= 0) return { status: 'none' };
  const claimed = await claimRefund(tx, {
    orderId: rental.orderId,
    amountMinor,
    reason,
    actor,
    statuses: PAID_ORDER_STATUSES,
    eventData: { rentalId: rental.id },
  });
  return claimed
    ? { status: 'pending', refundId: claimed.refundId, amountMinor }
    : { status: 'not_claimed', amountMinor };
}

/**
 * Locks the order the rental was paid through (FOR UPDATE), before the caller locks the rental: the
 * order of locks of cancelling a paid order (lib/orders/mutations.ts: the order, then its rentals) and
 * of the desk's dispatch. Settling a deposit locks the rental and then claims the refund on the order;
 * taking the order first means a cancellation at the same moment waits (or is waited for) instead of
 * deadlocking. Nothing to lock for a rental without an order (or an unknown id).
 */
export async function lockRentalOrder(tx: Transaction, rentalId: number): Promise<void> {
  const [peek] = await tx.select({ orderId: rentals.orderId }).from(rentals).where(eq(rentals.id, rentalId));
  if (!peek || peek.orderId === null) return;
  await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, peek.orderId)).for('update');
}
