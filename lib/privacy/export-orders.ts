import 'server-only';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { orderEvents, orderLines, orders, refunds, returnLines, returns, shipments } from '@/lib/orders/schema';
import { openShippingAddress } from '@/lib/orders/sealed';

/** The most orders one export holds (newest first); beyond that the file says it was cut short. */
export const EXPORT_MAX_ORDERS = 2_000;

export type ExportedOrder = Awaited<ReturnType<typeof exportOrders>>['orders'][number];

/**
 * The orders placed from an account (never guest orders that merely used the same email address: anyone
 * can type any address at checkout), newest first, each with its lines, the timeline the shopper sees
 * (staff-only notes left out), shipments, refunds and returns; the shipping address decrypted. No
 * payment or access secrets (checkout key, order-link hash, payment URLs). One function (~160 lines):
 * ExportedOrder is inferred from these queries, which read the order tables side by side.
 */
export async function exportOrders(db: Database, userId: number) {
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      email: orders.email,
      currency: orders.currency,
      subtotalMinor: orders.subtotalMinor,
      shippingMinor: orders.shippingMinor,
      taxMinor: orders.taxMinor,
      taxInclusive: orders.taxInclusive,
      totalMinor: orders.totalMinor,
      refundedMinor: orders.refundedMinor,
      shippingMethod: orders.shippingMethod,
      shipName: orders.shipName,
      shipLine1: orders.shipLine1,
      shipLine2: orders.shipLine2,
      shipCity: orders.shipCity,
      shipRegion: orders.shipRegion,
      shipPostalCode: orders.shipPostalCode,
      shipCountry: orders.shipCountry,
      shipPhone: orders.shipPhone,
      locale: orders.locale,
      paymentProvider: orders.paymentProvider,
      createdAt: orders.createdAt,
      paidAt: orders.paidAt,
      cancelledAt: orders.cancelledAt,
      cancelReason: orders.cancelReason,
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
            orderId: orderLines.orderId,
            id: orderLines.id,
            kind: orderLines.kind,
            product: orderLines.productSlug,
            title: orderLines.title,
            format: orderLines.format,
            editionName: orderLines.editionName,
            digital: orderLines.digital,
            unitPriceMinor: orderLines.unitPriceMinor,
            quantity: orderLines.quantity,
            lineTotalMinor: orderLines.lineTotalMinor,
          })
          .from(orderLines)
          .where(inArray(orderLines.orderId, ids))
          .orderBy(asc(orderLines.id)),
        db
          .select({
            orderId: orderEvents.orderId,
            type: orderEvents.type,
            actor: orderEvents.actor,
            data: orderEvents.data,
            createdAt: orderEvents.createdAt,
          })
          .from(orderEvents)
          .where(and(inArray(orderEvents.orderId, ids), eq(orderEvents.internal, false)))
          .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
        db
          .select({
            orderId: shipments.orderId,
            carrier: shipments.carrier,
            trackingNumber: shipments.trackingNumber,
            trackingUrl: shipments.trackingUrl,
            shippedAt: shipments.shippedAt,
            deliveredAt: shipments.deliveredAt,
          })
          .from(shipments)
          .where(inArray(shipments.orderId, ids))
          .orderBy(asc(shipments.id)),
        db
          .select({ orderId: refunds.orderId, amountMinor: refunds.amountMinor, createdAt: refunds.createdAt })
          .from(refunds)
          .where(inArray(refunds.orderId, ids))
          .orderBy(asc(refunds.id)),
        db
          .select({
            orderId: returns.orderId,
            id: returns.id,
            status: returns.status,
            reason: returns.reason,
            createdAt: returns.createdAt,
            updatedAt: returns.updatedAt,
          })
          .from(returns)
          .where(inArray(returns.orderId, ids))
          .orderBy(asc(returns.id)),
        db
          .select({
            returnId: returnLines.returnId,
            orderLineId: returnLines.orderLineId,
            quantity: returnLines.quantity,
          })
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
