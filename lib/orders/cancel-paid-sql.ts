import 'server-only';
import { sql } from 'drizzle-orm';
import { queryRows, type Transaction } from '@/db';
import type { orders } from './schema';

/**
 * Raw SQL, because the query builder cannot say it: an UPDATE that returns a value computed from
 * the row as it was before the update (`from (select …) before`).
 */

/** What a claimed cancellation of a paid order returns. */
export type PaidCancellation = Pick<typeof orders.$inferSelect, 'id' | 'paymentRef' | 'paymentIntentRef'> & {
  /** What had not been refunded yet: the refund this cancellation owes. */
  amount: number;
  provider: (typeof orders.$inferSelect)['paymentProvider'];
};

/**
 * paid → cancelled, with the stock marked released and the order refunded in full, in one
 * conditional UPDATE (only a paid order with no shipment and no rental dispatched, whose stock is
 * still out, and not the paid buy-out of a rental kept for it). Null when it does not apply (already
 * cancelled, shipped, a rental out or kept for it, or not paid).
 */
export async function claimPaidCancellation(
  tx: Transaction,
  orderId: number,
  reason: 'customer' | 'admin',
): Promise<PaidCancellation | null> {
  const [row] = await queryRows<PaidCancellation>(
    tx,
    // `before` is read before the update: the refund is what had not been refunded yet.
    sql`update orders o set status = 'cancelled', cancelled_at = now(), cancel_reason = ${reason}, stock_released = true,
        refunded_minor = o.total_minor, updated_at = now()
      from (select refunded_minor from orders where id = ${orderId}) before
      where o.id = ${orderId} and o.status = 'paid' and not o.stock_released
        and not exists (select 1 from shipments where order_id = ${orderId})
        and not exists (select 1 from rentals where order_id = ${orderId} and status in ('out', 'returned', 'kept', 'lost'))
        and not exists (select 1 from rentals where buy_out_order_id = ${orderId} and status = 'kept')
      returning o.id, o.total_minor - before.refunded_minor as amount, o.payment_ref as "paymentRef",
        o.payment_intent_ref as "paymentIntentRef", o.payment_provider as provider`,
  );
  return row ?? null;
}
