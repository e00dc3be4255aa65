import 'server-only';
import { desc, eq } from 'drizzle-orm';
import { type Database, pick } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { orders } from '@/lib/orders/schema';
import { rentals, rentalWaitlist } from '@/lib/rentals/schema';

/** The most rentals, and waitlist places, one export holds (newest first); beyond that the file says it was cut. */
export const EXPORT_MAX_RENTALS = 2_000;

/** The disc a rental or a waitlist place is about: the product and its edition. */
const discOf = {
  product: products.slug,
  title: products.title,
  ...pick(editions, 'sku format'),
  editionName: editions.name,
};

/**
 * The account's rentals (title and edition, the order that paid them, status, every date of their
 * life, the terms, the late fee, damage charge and deposit refund, a buy-out price, and when each
 * reminder mail was queued) and its places in rental waitlists, newest first. Only rows tied to the
 * account (a guest's rentals belong to the guest order, as in exportOrders).
 */
export async function exportRentals(db: Database, userId: number) {
  const [rented, waiting] = await Promise.all([
    db
      .select({
        ...discOf,
        order: orders.number,
        ...pick(rentals, 'status periodDays feeMinor depositMinor lateFeePerDayMinor createdAt dispatchedAt dueAt'),
        ...pick(rentals, 'returnedAt keptAt lostAt lateFeeChargedMinor damageChargeMinor depositRefundMinor'),
        ...pick(rentals, 'buyOutPriceMinor remindedBeforeAt remindedDueAt remindedOverdueAt'),
      })
      .from(rentals)
      .innerJoin(editions, eq(editions.id, rentals.editionId))
      .innerJoin(products, eq(products.id, editions.productId))
      .leftJoin(orders, eq(orders.id, rentals.orderId))
      .where(eq(rentals.userId, userId))
      .orderBy(desc(rentals.createdAt), desc(rentals.id))
      .limit(EXPORT_MAX_RENTALS + 1),
    db
      .select({ ...discOf, ...pick(rentalWaitlist, 'status createdAt offeredAt offerExpiresAt updatedAt') })
      .from(rentalWaitlist)
      .innerJoin(editions, eq(editions.id, rentalWaitlist.editionId))
      .innerJoin(products, eq(products.id, editions.productId))
      .where(eq(rentalWaitlist.userId, userId))
      .orderBy(desc(rentalWaitlist.createdAt), desc(rentalWaitlist.id))
      .limit(EXPORT_MAX_RENTALS + 1),
  ]);
  return {
    rentals: rented.slice(0, EXPORT_MAX_RENTALS),
    waitlist: waiting.slice(0, EXPORT_MAX_RENTALS),
    truncated: [
      ...(rented.length > EXPORT_MAX_RENTALS ? ['rentals'] : []),
      ...(waiting.length > EXPORT_MAX_RENTALS ? ['rentalWaitlist'] : []),
    ],
  };
}
