import 'server-only';
import { pick, type Executor, getDb } from '@/db';
import { asc, eq, sql } from 'drizzle-orm';
import { nameOrUsername, openDisplayName } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { requireAdmin } from '@/lib/auth/session';
import { editions } from '@/lib/catalog/schema';
import { orderEvents, orderLines, orders, refunds, returns, shipments } from '@/lib/orders/schema';
import { openEventData, openShippingAddress, type ShippingAddress } from '@/lib/orders/sealed';
import { actorNameFields } from '@/lib/admin/columns';
import { iso, isoOrNull } from '@/lib/admin/timestamps';
import { type AdminOrderStatus, normaliseOrderNumber } from './validation';

type Order = typeof orders.$inferSelect;
type Line = typeof orderLines.$inferSelect;
type Edition = typeof editions.$inferSelect;

const LINE_COLUMNS = [
  ...['id', 'editionId', 'title', 'format', 'editionName', 'kind', 'digital'],
  ...['unitPriceMinor', 'quantity', 'lineTotalMinor', 'rentalPeriodDays', 'rentalDepositMinor'],
] as const;

export type AdminOrderLine = Pick<Line, (typeof LINE_COLUMNS)[number]> & {
  slug: Line['productSlug'];
  sku: Edition['sku'] | null;
  barcode: Edition['barcode'];
};

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
  | 'depositMinor'
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

const ORDER_DETAIL_COLUMNS = [
  ...['id', 'number', 'status', 'email', 'locale', 'currency', 'shippingMethod'],
  ...['subtotalMinor', 'shippingMinor', 'taxMinor', 'depositMinor', 'taxInclusive', 'totalMinor', 'refundedMinor'],
] as const;
const SHIPPING_COLUMNS = [
  ...['shipName', 'shipLine1', 'shipLine2', 'shipCity', 'shipRegion', 'shipPostalCode', 'shipCountry', 'shipPhone'],
] as const;

/** The order row the detail page starts from, with its account's name and email. */
async function readOrder(db: Awaited<ReturnType<typeof getDb>>, number: string) {
  const [order] = await db
    .select({
      ...pick(orders, ORDER_DETAIL_COLUMNS),
      ...pick(orders, SHIPPING_COLUMNS),
      ...pick(
        orders,
        'paymentProvider paymentRef paymentIntentRef paidAt createdAt cancelledAt cancelReason reviewReason userId',
      ),
      ...pick(users, 'username displayName'),
      accountEmail: users.email,
      // A rental dispatched (or back, kept, lost) has left like a shipment, and a paid buy-out whose copy
      // was kept for it is settled: the order can no longer be cancelled.
      rentalSent: sql<boolean>`exists (select 1 from rentals r where (r.order_id = ${orders.id} and r.status in ('out', 'returned', 'kept', 'lost'))
        or (r.buy_out_order_id = ${orders.id} and r.status = 'kept'))`,
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.number, number));
  return order ?? null;
}

/**
 * An order's lines (with SKU and barcode), timeline, shipments, refunds and returns, and how many
 * orders its customer placed (by account, or by email for a guest), read side by side.
 */
function readOrderParts(db: Executor, order: Pick<Order, 'id' | 'userId' | 'email'>) {
  return Promise.all([
    db
      .select({
        ...pick(orderLines, LINE_COLUMNS),
        slug: orderLines.productSlug,
        ...pick(editions, 'sku barcode'),
      })
      .from(orderLines)
      .leftJoin(editions, eq(editions.id, orderLines.editionId))
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.id)),
    db
      .select({
        ...pick(orderEvents, 'id type actor internal data createdAt'),
        ...actorNameFields,
      })
      .from(orderEvents)
      .leftJoin(users, eq(users.id, orderEvents.actorUserId))
      .where(eq(orderEvents.orderId, order.id))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
    db
      .select(pick(shipments, 'id carrier trackingNumber trackingUrl shippedAt deliveredAt'))
      .from(shipments)
      .where(eq(shipments.orderId, order.id))
      .orderBy(asc(shipments.id)),
    db
      .select({
        ...pick(refunds, 'id amountMinor reason providerRef createdAt'),
        ...actorNameFields,
      })
      .from(refunds)
      .leftJoin(users, eq(users.id, refunds.actorUserId))
      .where(eq(refunds.orderId, order.id))
      .orderBy(asc(refunds.id)),
    db
      .select(pick(returns, 'id status reason createdAt'))
      .from(returns)
      .where(eq(returns.orderId, order.id))
      .orderBy(asc(returns.id)),
    order.userId !== null
      ? db.$count(orders, eq(orders.userId, order.userId))
      : db.$count(orders, sql`lower(${orders.email}) = lower(${order.email ?? ''})`),
  ]);
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
  const [lines, events, shipped, refunded, returned, orderCount] = await readOrderParts(db, order);
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
    depositMinor: order.depositMinor,
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
      cancel: status === 'pending_payment' || (status === 'paid' && shipped.length === 0 && !order.rentalSent),
      refund: ['paid', 'shipped', 'delivered'].includes(status) && refundableMinor > 0,
      resolve: status === 'needs_review',
      markPaid: status === 'needs_review' && refundedMinor === 0 && refunded.length === 0,
      retryRefunds: pendingRefunds,
    },
  };
}
