import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { nameOrUsername, openDisplayName } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { requireAdmin } from '@/lib/auth/session';
import { editions } from '@/lib/catalog/schema';
import { orderEvents, orderLines, orders, refunds, returns, shipments } from '@/lib/orders/schema';
import { openEventData, openShippingAddress, type ShippingAddress } from '@/lib/orders/sealed';
import { iso, isoOrNull } from '@/lib/admin/timestamps';
import { type AdminOrderStatus, normaliseOrderNumber } from './validation';

type Order = typeof orders.$inferSelect;
type Line = typeof orderLines.$inferSelect;
type Edition = typeof editions.$inferSelect;

export type AdminOrderLine = Pick<
  Line,
  | 'id'
  | 'editionId'
  | 'title'
  | 'format'
  | 'editionName'
  | 'kind'
  | 'digital'
  | 'unitPriceMinor'
  | 'quantity'
  | 'lineTotalMinor'
> & { slug: Line['productSlug']; sku: Edition['sku'] | null; barcode: Edition['barcode'] };

export type AdminOrderEvent = {
  id: number;
  type: string;
  actor: string;
  actorName: string | null;
  internal: boolean;
  data: Record<string, unknown>;
  createdAt: string;
};

export type AdminRefund = {
  id: number;
  amountMinor: number;
  reason: string | null;
  providerRef: string | null;
  actorName: string | null;
  createdAt: string;
};

export type AdminOrder = Pick<
  Order,
  | 'id'
  | 'number'
  | 'email'
  | 'locale'
  | 'currency'
  | 'subtotalMinor'
  | 'shippingMinor'
  | 'taxMinor'
  | 'taxInclusive'
  | 'totalMinor'
  | 'refundedMinor'
  | 'shippingMethod'
  | 'cancelReason'
  | 'reviewReason'
> & {
  status: AdminOrderStatus;
  /** What can still be refunded: total − refunded. */
  refundableMinor: number;
  address: ShippingAddress | null;
  payment: {
    provider: Order['paymentProvider'];
    ref: string | null;
    intentRef: string | null;
    paidAt: string | null;
  };
  createdAt: string;
  cancelledAt: string | null;
  customer: {
    userId: number | null;
    username: string | null;
    displayName: string | null;
    accountEmail: string | null;
    /** Orders placed by the same account (or the same email for a guest). */
    orderCount: number;
  };
  lines: AdminOrderLine[];
  events: AdminOrderEvent[];
  shipments: {
    id: number;
    carrier: string;
    trackingNumber: string;
    trackingUrl: string | null;
    shippedAt: string;
    deliveredAt: string | null;
  }[];
  refunds: AdminRefund[];
  returns: { id: number; status: string; reason: string; createdAt: string }[];
  /** What staff may do now. */
  can: {
    ship: boolean;
    deliver: boolean;
    cancel: boolean;
    refund: boolean;
    resolve: boolean;
    markPaid: boolean;
    retryRefunds: boolean;
  };
};

/** The order row the detail page starts from, with its account's name and email. */
async function readOrder(db: Awaited<ReturnType<typeof getDb>>, number: string) {
  const [order] = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      email: orders.email,
      locale: orders.locale,
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
      paymentProvider: orders.paymentProvider,
      paymentRef: orders.paymentRef,
      paymentIntentRef: orders.paymentIntentRef,
      paidAt: orders.paidAt,
      createdAt: orders.createdAt,
      cancelledAt: orders.cancelledAt,
      cancelReason: orders.cancelReason,
      reviewReason: orders.reviewReason,
      userId: orders.userId,
      username: users.username,
      displayName: users.displayName,
      accountEmail: users.email,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.number, number));
  return order ?? null;
}

/**
 * One order as staff see it: lines with SKUs and barcodes, payments and refunds, shipments, returns,
 * the full timeline including internal notes, and the customer. Null when there is no such order.
 * Admins only: requireAdmin throws before anything is read.
 */
export async function getOrderForAdmin(number: string): Promise<AdminOrder | null> {
  await requireAdmin();
  const normalised = normaliseOrderNumber(number);
  if (!normalised) return null;
  const db = await getDb();
  const order = await readOrder(db, normalised);
  if (!order) return null;
  const [lines, events, shipped, refunded, returned, orderCount] = await Promise.all([
    db
      .select({
        id: orderLines.id,
        editionId: orderLines.editionId,
        slug: orderLines.productSlug,
        title: orderLines.title,
        format: orderLines.format,
        editionName: orderLines.editionName,
        kind: orderLines.kind,
        digital: orderLines.digital,
        sku: editions.sku,
        barcode: editions.barcode,
        unitPriceMinor: orderLines.unitPriceMinor,
        quantity: orderLines.quantity,
        lineTotalMinor: orderLines.lineTotalMinor,
      })
      .from(orderLines)
      .leftJoin(editions, eq(editions.id, orderLines.editionId))
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.id)),
    db
      .select({
        id: orderEvents.id,
        type: orderEvents.type,
        actor: orderEvents.actor,
        actorDisplayName: users.displayName,
        actorName: users.username,
        internal: orderEvents.internal,
        data: orderEvents.data,
        createdAt: orderEvents.createdAt,
      })
      .from(orderEvents)
      .leftJoin(users, eq(users.id, orderEvents.actorUserId))
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
    db
      .select({
        id: shipments.id,
        carrier: shipments.carrier,
        trackingNumber: shipments.trackingNumber,
        trackingUrl: shipments.trackingUrl,
        shippedAt: shipments.shippedAt,
        deliveredAt: shipments.deliveredAt,
      })
      .from(shipments)
      .where(eq(shipments.orderId, order.id))
      .orderBy(asc(shipments.id)),
    db
      .select({
        id: refunds.id,
        amountMinor: refunds.amountMinor,
        reason: refunds.reason,
        providerRef: refunds.providerRef,
        actorDisplayName: users.displayName,
        actorName: users.username,
        createdAt: refunds.createdAt,
      })
      .from(refunds)
      .leftJoin(users, eq(users.id, refunds.actorUserId))
      .where(eq(refunds.orderId, order.id))
      .orderBy(asc(refunds.id)),
    db
      .select({ id: returns.id, status: returns.status, reason: returns.reason, createdAt: returns.createdAt })
      .from(returns)
      .where(eq(returns.orderId, order.id))
      .orderBy(asc(returns.id)),
    order.userId !== null
      ? db.$count(orders, eq(orders.userId, order.userId))
      : db.$count(orders, sql`lower(${orders.email}) = lower(${order.email ?? ''})`),
  ]);
  const { status, totalMinor, refundedMinor } = order;
  const refundableMinor = totalMinor - refundedMinor;
  const hasPhysical = lines.some((line) => !line.digital);
  const pendingRefunds = refunded.some((refund) => refund.providerRef === null);
  return {
    id: order.id,
    number: order.number,
    status,
    email: order.email,
    locale: order.locale,
    currency: order.currency,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    taxMinor: order.taxMinor,
    taxInclusive: order.taxInclusive,
    totalMinor,
    refundedMinor,
    refundableMinor,
    shippingMethod: order.shippingMethod,
    address: openShippingAddress(order),
    payment: {
      provider: order.paymentProvider,
      ref: order.paymentRef,
      intentRef: order.paymentIntentRef,
      paidAt: isoOrNull(order.paidAt),
    },
    createdAt: iso(order.createdAt),
    cancelledAt: isoOrNull(order.cancelledAt),
    cancelReason: order.cancelReason,
    reviewReason: order.reviewReason,
    customer: {
      userId: order.userId,
      username: order.username,
      displayName: openDisplayName(order.displayName),
      accountEmail: order.accountEmail,
      orderCount: Number(orderCount),
    },
    lines,
    events: events.map(({ actorDisplayName, ...event }) => ({
      ...openEventData(event),
      actorName: nameOrUsername(actorDisplayName, event.actorName),
      id: Number(event.id),
      createdAt: iso(event.createdAt),
    })),
    shipments: shipped.map((s) => ({ ...s, shippedAt: iso(s.shippedAt), deliveredAt: isoOrNull(s.deliveredAt) })),
    refunds: refunded.map(({ actorDisplayName, ...refund }) => ({
      ...refund,
      actorName: nameOrUsername(actorDisplayName, refund.actorName),
      createdAt: iso(refund.createdAt),
    })),
    returns: returned.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    can: {
      ship: status === 'paid' && hasPhysical && shipped.length === 0,
      deliver: status === 'shipped',
      cancel: status === 'pending_payment' || (status === 'paid' && shipped.length === 0),
      refund: ['paid', 'shipped', 'delivered'].includes(status) && refundableMinor > 0,
      resolve: status === 'needs_review',
      markPaid: status === 'needs_review' && refundedMinor === 0 && refunded.length === 0,
      retryRefunds: pendingRefunds,
    },
  };
}
