import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db';

// Raw SQL (README, "Data access"): one statement whose data-modifying CTE restocks the editions and
// writes the ledger rows from what it restocked, which the query builder cannot say. Read by the
// cancellation and expiry tests (tests/integration/checkout.test.ts, stripe.test.ts, admin-orders.test.ts).

/**
 * Puts the physical items the order bought back on the shelf, as ledger rows, in the caller's
 * transaction. Rental lines took no stock (a copy: ./release-rentals-sql.ts gives it back).
 */
export async function releaseOrderStock(tx: Transaction, orderId: number, reason: 'cancel' | 'expired'): Promise<void> {
  await tx.execute(sql`
    with returned as (
      select edition_id, sum(quantity)::int as quantity from order_lines
      where order_id = ${orderId} and kind = 'purchase' and not digital and edition_id is not null
      group by edition_id
    ), restocked as (
      update editions e set stock = e.stock + returned.quantity, updated_at = now()
      from returned where e.id = returned.edition_id
      returning e.id, returned.quantity
    )
    insert into stock_movements (edition_id, delta, reason, order_id)
    select id, quantity, ${reason}, ${orderId} from restocked`);
}
