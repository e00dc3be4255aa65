import 'server-only';
import { and, asc, desc, eq, not, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Database, getDb, pick } from '@/db';
import type { SessionUser } from '@/lib/accounts/queries';
import { getCurrentUser } from '@/lib/auth/session';
import { demoPaymentsEnabled } from '@/lib/payments';
import { checkOrderAccessKey } from './access';
import { orderEvents, orderLines, orders, returns, shipments } from './schema';
import { type ShippingAddress, openShippingAddress } from './sealed';

export type OrderStatus =
  'pending_payment' | 'paid' | 'shipped' | 'delivered' | 'cancelled' | 'refunded' | 'needs_review';

export type OrderSummary = {
  number: string;
  status: OrderStatus;
  totalMinor: number;
  currency: string;
  createdAt: string;
  itemCount: number;
};

export type OrderView = OrderSummary & {
  id: number;
  email: string | null;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  /** The refundable rental deposits in the total. */
  depositMinor: number;
  taxInclusive: boolean;
  refundedMinor: number;
  shippingMethod: string | null;
  address: ShippingAddress | null;
  paymentProvider: 'stripe' | 'demo';
  expiresAt: string;
  paidAt: string | null;
  cancelReason: string | null;
  lines: {
    id: number;
    slug: string;
    title: string;
    format: string;
    editionName: string | null;
    digital: boolean;
    unitPriceMinor: number;
    quantity: number;
    lineTotalMinor: number;
    /** A rental line's period and deposit (null on a purchase line). */
    rentalPeriodDays: number | null;
    rentalDepositMinor: number | null;
    returnable: number;
  }[];
  events: { type: string; actor: string; createdAt: string; data: Record<string, unknown> }[];
  shipments: {
    carrier: string;
    trackingNumber: string;
    trackingUrl: string | null;
    shippedAt: string;
    deliveredAt: string | null;
  }[];
  returns: { id: number; status: string; reason: string; createdAt: string }[];
  /** What the viewer may do now. */
  canCancel: boolean;
  canReturn: boolean;
  canPay: boolean;
  /** Placed with the demo provider, which no longer takes payments (Stripe is configured now). */
  demoPaymentOff: boolean;
};

/** Returns are accepted for this many days after delivery. */
export const RETURN_WINDOW_DAYS = 30;

/** Whether `value` has the shape of an order number (EN- and up to 12 digits). */
export function isOrderNumber(value: string): boolean {
  return /^EN-\d{1,12}$/.test(value);
}

/** What a visitor may see at an order's address: the order, or why not (without saying whether it exists). */
export type OrderAccess = { kind: 'order'; order: OrderView } | { kind: 'expired' } | { kind: 'denied' };

/**
 * An order as its owner sees it. A signed-in shopper sees their own orders; anyone holding a valid
 * key of the order (from its mails or the checkout) sees that order. A real key past its time gives
 * `expired`, so the page can offer a new link; anything else (unknown number, another shopper's
 * order, a missing or wrong key) gives `denied`, the same answer for orders that do not exist.
 */
export async function getOrderAccess(number: string, key: string | null | undefined): Promise<OrderAccess> {
  if (!isOrderNumber(number)) return { kind: 'denied' };
  const user = await getCurrentUser();
  const db = await getDb();
  const [order] = await selectOrder(db, number);
  if (!order) return { kind: 'denied' };
  const owner = user !== null && order.userId === user.id;
  if (!owner) {
    const check = checkOrderAccessKey(key, order);
    if (check !== 'valid') return { kind: check === 'expired' ? 'expired' : 'denied' };
  }
  return { kind: 'order', order: await loadOrderView(order) };
}

/** The order with this number: what its page shows, and who may see it. */
function selectOrder(db: Database, number: string) {
  return db
    .select({
      ...pick(orders, 'id number userId accessTokenHash status totalMinor currency createdAt email subtotalMinor'),
      ...pick(orders, 'shippingMinor taxMinor depositMinor taxInclusive refundedMinor shippingMethod paymentProvider'),
      expiresAt: orders.expiresAt,
      ...pick(
        orders,
        'shipName shipLine1 shipLine2 shipCity shipRegion shipPostalCode shipCountry shipPhone paidAt cancelReason',
      ),
      // A rental dispatched (or back, kept, lost) has left like a shipment, and a paid buy-out whose copy
      // was kept for it is settled: the order can no longer be cancelled.
      // (Written out as orders.id: the builder leaves a single table's columns unqualified.)
      rentalSent: sql<boolean>`exists (select 1 from rentals r where (r.order_id = orders.id and r.status in ('out', 'returned', 'kept', 'lost'))
        or (r.buy_out_order_id = orders.id and r.status = 'kept'))`,
    })
    .from(orders)
    .where(eq(orders.number, number));
}

/**
 * An order as its owner sees it, or null (unknown number, not theirs, or no valid key). Every
 * shopper action on an order goes through this: an order number alone never reaches an order.
 */
export async function getOrderForViewer(number: string, key: string | null | undefined): Promise<OrderView | null> {
  const access = await getOrderAccess(number, key);
  return access.kind === 'order' ? access.order : null;
}

type ViewedOrder = Awaited<ReturnType<typeof selectOrder>>[number];

/** A timestamp as PostgreSQL prints it (`2026-01-02 03:04:05.678+00`), as the order page has always received it. */
const asText = <C extends AnyPgColumn>(column: C) =>
  sql<C['_']['notNull'] extends true ? string : string | null>`${column}::text`;

async function loadOrderView(order: ViewedOrder): Promise<OrderView> {
  const db = await getDb();
  const [lines, events, shipped, returned] = await Promise.all([
    db
      .select({
        ...pick(orderLines, 'id'),
        slug: orderLines.productSlug,
        ...pick(orderLines, 'title format editionName digital unitPriceMinor quantity lineTotalMinor'),
        ...pick(orderLines, 'rentalPeriodDays rentalDepositMinor'),
        // Written out as order_lines.id: the builder leaves a single table's columns unqualified, and
        // inside the subquery a bare "id" would name a column of the subquery's own tables.
        returnable: sql<number>`case when ${orderLines.digital} or ${orderLines.kind} = 'rental' then 0 else ${orderLines.quantity} - coalesce((
            select sum(rl.quantity) from return_lines rl join returns r on r.id = rl.return_id
            where rl.order_line_id = order_lines.id and r.status <> 'rejected'), 0) end::int`,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.id)),
    db
      .select({ ...pick(orderEvents, 'type actor data'), createdAt: asText(orderEvents.createdAt) })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), not(orderEvents.internal)))
      .orderBy(asc(orderEvents.id)),
    db
      .select({
        ...pick(shipments, 'carrier trackingNumber trackingUrl'),
        shippedAt: asText(shipments.shippedAt),
        deliveredAt: asText(shipments.deliveredAt),
      })
      .from(shipments)
      .where(eq(shipments.orderId, order.id))
      .orderBy(asc(shipments.id)),
    db
      .select({ ...pick(returns, 'id status reason'), createdAt: asText(returns.createdAt) })
      .from(returns)
      .where(eq(returns.orderId, order.id))
      .orderBy(asc(returns.id)),
  ]);
  const status = order.status;
  const delivered = shipped.find((s) => s.deliveredAt)?.deliveredAt;
  const withinReturnWindow = delivered
    ? Date.now() - new Date(delivered).getTime() < RETURN_WINDOW_DAYS * 86_400_000
    : false;
  return {
    id: order.id,
    number: order.number,
    status,
    totalMinor: order.totalMinor,
    currency: order.currency,
    createdAt: order.createdAt.toISOString(),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    email: order.email,
    subtotalMinor: order.subtotalMinor,
    shippingMinor: order.shippingMinor,
    taxMinor: order.taxMinor,
    depositMinor: order.depositMinor,
    taxInclusive: order.taxInclusive,
    refundedMinor: order.refundedMinor,
    shippingMethod: order.shippingMethod,
    address: openShippingAddress(order),
    paymentProvider: order.paymentProvider,
    expiresAt: order.expiresAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    cancelReason: order.cancelReason,
    lines,
    events,
    shipments: shipped,
    returns: returned,
    canCancel: status === 'pending_payment' || (status === 'paid' && shipped.length === 0 && !order.rentalSent),
    canReturn: status === 'delivered' && withinReturnWindow && lines.some((l) => l.returnable > 0),
    canPay:
      status === 'pending_payment' &&
      order.expiresAt.getTime() > Date.now() &&
      (order.paymentProvider !== 'demo' || demoPaymentsEnabled()),
    demoPaymentOff: status === 'pending_payment' && order.paymentProvider === 'demo' && !demoPaymentsEnabled(),
  };
}

/** The signed-in shopper's orders, newest first. */
export async function listOrdersForUser(
  user: SessionUser,
  page = 1,
  pageSize = 20,
): Promise<{ items: OrderSummary[]; total: number }> {
  const db = await getDb();
  const rows = await db
    .select({
      ...pick(orders, 'number status totalMinor currency'),
      createdAt: asText(orders.createdAt),
      // orders.id written out: inside the subquery a bare "id" would be the order line's.
      itemCount: sql<number>`(select coalesce(sum(quantity), 0)::int from order_lines where order_id = orders.id)`,
      total: sql<number>`count(*) over ()::int`,
    })
    .from(orders)
    .where(eq(orders.userId, user.id))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize);
  return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}
