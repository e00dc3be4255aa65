import 'server-only';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';

// Raw SQL: whether a shopper bought a product reads the orders tables, which belong to a domain above
// reviews (lib/orders, tier 9): reviews may not import its schema (.dependency-cruiser.cjs), so the
// query names the tables itself. tests/integration/reviews.test.ts runs it on real orders.

/**
 * Whether the user bought (or rented) any edition of the product in an order that was paid: paid,
 * shipped, delivered, or refunded after payment. Cancelled, unpaid and held orders do not count.
 */
export async function hasPurchasedProduct(db: Executor, userId: number, productId: number): Promise<boolean> {
  const rows = await queryRows<{ ok: number }>(
    db,
    sql`select 1 as ok from orders o
      join order_lines l on l.order_id = o.id
      join editions e on e.id = l.edition_id
      where o.user_id = ${userId} and e.product_id = ${productId}
        and o.status in ('paid', 'shipped', 'delivered', 'refunded') and o.paid_at is not null
      limit 1`,
  );
  return rows.length > 0;
}
