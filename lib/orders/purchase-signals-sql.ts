import 'server-only';
import { sql } from 'drizzle-orm';
import type { Transaction } from '@/db';

/**
 * Purchase signals for recommendations: one interaction event per product of a paid order, in the
 * fulfil transaction. An order records them once (the fulfil transition happens once, and the
 * insert skips products already recorded for the order).
 */
export async function recordPurchaseSignals(tx: Transaction, orderId: number): Promise<void> {
  await tx.execute(sql`
    insert into interaction_events (user_id, product_id, type, value, order_id)
    select o.user_id, e.product_id, 'purchase', least(sum(l.quantity), 100)::smallint, o.id
    from orders o join order_lines l on l.order_id = o.id join editions e on e.id = l.edition_id
    where o.id = ${orderId}
      and not exists (select 1 from interaction_events ie where ie.order_id = o.id and ie.type = 'purchase')
    group by o.user_id, e.product_id, o.id`);
}
