import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type Database, pick } from '@/db';
import { orderEvents, orderLines, orders, refunds, returnLines, returns, shipments } from '@/lib/orders/schema';
import { openShippingAddress } from '@/lib/orders/sealed';

/** The most orders one export holds (newest first); beyond that the file says it was cut short. */
export const EXPORT_MAX_ORDERS = 2_000;

export type ExportedOrder = Awaited<ReturnType<typeof exportOrders>>['orders'][number];

/**
 * The orders placed from an account (never guest orders that merely used the same email address: anyone
 * can type any address at checkout), newest first, each with its lines, the timeline the shopper sees
 * (staff-only notes left out), shipments, refunds and returns; the shipping address decrypted. No
 * payment or access secrets (checkout key, order-link hash, payment URLs). One function (~90 lines):
 * ExportedOrder is inferred from these queries, which read the order tables side by side.
 */
export async function exportOrders(db: Database, userId: number) {
  const rows = await db
    .select({
      ...pick(orders, 'id number status email currency subtotalMinor shippingMinor taxMinor taxInclusive totalMinor'),
      ...pick(orders, 'refundedMinor shippingMethod shipName shipLine1 shipLine2 shipCity shipRegion shipPostalCode'),
      ...pick(orders, 'shipCountry shipPhone locale paymentProvider createdAt paidAt cancelledAt cancelReason'),
    })
    .from(orders)
    .where(eq(orders.userId, userId))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(EXPORT_MAX_ORDERS + 1);
  const truncated = rows.length > EXPORT_MAX_ORDERS;
  const kept = rows.slice(0, EXPORT_MAX_ORDERS);
  const ids = kept.map((o) => o.id);
  const none = ids.length === 0;
  const [lines, events, shipped, refunded, returned, returnedLines] = none
    ? [[], [], [], [], [], []]
    : await Promise.all([
        db
          .select({
            ...pick(orderLines, 'orderId id kind'),
            product: orderLines.productSlug,
            ...pick(orderLines, 'title format editionName digital unitPriceMinor quantity lineTotalMinor'),
          })
          .from(orderLines)
          .where(inArray(orderLines.orderId, ids))
          .orderBy(asc(orderLines.id)),
        db
          .select(pick(orderEvents, 'orderId type actor data createdAt'))
          .from(orderEvents)
          .where(and(inArray(orderEvents.orderId, ids), eq(orderEvents.internal, false)))
          .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
        db
          .select(pick(shipments, 'orderId carrier trackingNumber trackingUrl shippedAt deliveredAt'))
          .from(shipments)
          .where(inArray(shipments.orderId, ids))
          .orderBy(asc(shipments.id)),
        db
          .select(pick(refunds, 'orderId amountMinor createdAt'))
          .from(refunds)
          .where(inArray(refunds.orderId, ids))
          .orderBy(asc(refunds.id)),
        db
          .select(pick(returns, 'orderId id status reason createdAt updatedAt'))
          .from(returns)
          .where(inArray(returns.orderId, ids))
          .orderBy(asc(returns.id)),
        db
          .select(pick(returnLines, 'returnId orderLineId quantity'))
          .from(returnLines)
          .innerJoin(returns, eq(returns.id, returnLines.returnId))
          .where(inArray(returns.orderId, ids))
          .orderBy(asc(returnLines.id)),
      ]);
  const byOrder = <T extends { orderId: number }>(list: T[], orderId: number) =>
    list.filter((item) => item.orderId === orderId).map(({ orderId: _orderId, ...item }) => item);
  return {
    truncated,
    orders: kept.map((order) => {
      return {
        number: order.number,
        status: order.status,
        email: order.email,
        currency: order.currency,
        subtotalMinor: order.subtotalMinor,
        shippingMinor: order.shippingMinor,
        taxMinor: order.taxMinor,
        taxInclusive: order.taxInclusive,
        totalMinor: order.totalMinor,
        refundedMinor: order.refundedMinor,
        shippingMethod: order.shippingMethod,
        shippingAddress: openShippingAddress(order),
        language: order.locale,
        paymentProvider: order.paymentProvider,
        createdAt: order.createdAt,
        paidAt: order.paidAt,
        cancelledAt: order.cancelledAt,
        cancelReason: order.cancelReason,
        lines: byOrder(lines, order.id),
        events: byOrder(events, order.id),
        shipments: byOrder(shipped, order.id),
        refunds: byOrder(refunded, order.id),
        returns: byOrder(returned, order.id).map((ret) => ({
          ...ret,
          lines: returnedLines
            .filter((line) => line.returnId === ret.id)
            .map(({ orderLineId, quantity }) => ({ orderLineId, quantity })),
        })),
      };
    }),
  };
}
