import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import type { SessionUser } from '@/lib/accounts/queries';
import { getCurrentUser } from '@/lib/auth/session';
import { demoPaymentsEnabled } from '@/lib/payments';
import { checkOrderAccessKey } from './access';
import { openShipping, type ShippingFields } from './sealed';

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
  taxInclusive: boolean;
  refundedMinor: number;
  shippingMethod: string | null;
  address: {
    name: string;
    line1: string;
    line2: string | null;
    city: string;
    region: string | null;
    postalCode: string;
    country: string;
  } | null;
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
  const [order] = await queryRows<
    Record<string, unknown> & { id: number; number: string; userId: number | null; accessTokenHash: string }
  >(
    db,
    sql`select o.id, o.number, o.status, o.total_minor as "totalMinor", o.currency, o.created_at as "createdAt",
        o.email, o.subtotal_minor as "subtotalMinor", o.shipping_minor as "shippingMinor", o.tax_minor as "taxMinor",
        o.tax_inclusive as "taxInclusive", o.refunded_minor as "refundedMinor", o.shipping_method as "shippingMethod",
        o.ship_name as "shipName", o.ship_line1 as "shipLine1", o.ship_line2 as "shipLine2", o.ship_city as "shipCity",
        o.ship_region as "shipRegion", o.ship_postal_code as "shipPostalCode", o.ship_country as "shipCountry",
        o.payment_provider as "paymentProvider", o.expires_at as "expiresAt", o.paid_at as "paidAt",
        o.cancel_reason as "cancelReason", o.user_id as "userId", o.access_token_hash as "accessTokenHash"
      from orders o where o.number = ${number}`,
  );
  if (!order) return { kind: 'denied' };
  const owner = user !== null && order.userId === user.id;
  if (!owner) {
    const check = checkOrderAccessKey(key, { ...order, createdAt: new Date(order.createdAt as string) });
    if (check !== 'valid') return { kind: check === 'expired' ? 'expired' : 'denied' };
  }
  return { kind: 'order', order: await loadOrderView(order) };
}

/**
 * An order as its owner sees it, or null (unknown number, not theirs, or no valid key). Every
 * shopper action on an order goes through this: an order number alone never reaches an order.
 */
export async function getOrderForViewer(number: string, key: string | null | undefined): Promise<OrderView | null> {
  const access = await getOrderAccess(number, key);
  return access.kind === 'order' ? access.order : null;
}

async function loadOrderView(order: Record<string, unknown> & { id: number }): Promise<OrderView> {
  const db = await getDb();
  const [lines, events, shipments, returns] = await Promise.all([
    queryRows<OrderView['lines'][number]>(
      db,
      sql`select l.id, l.product_slug as slug, l.title, l.format, l.edition_name as "editionName", l.digital,
          l.unit_price_minor as "unitPriceMinor", l.quantity, l.line_total_minor as "lineTotalMinor",
          case when l.digital then 0 else l.quantity - coalesce((select sum(rl.quantity) from return_lines rl
            join returns r on r.id = rl.return_id where rl.order_line_id = l.id and r.status <> 'rejected'), 0) end::int as returnable
        from order_lines l where l.order_id = ${order.id} order by l.id`,
    ),
    queryRows<OrderView['events'][number]>(
      db,
      sql`select type, actor, created_at::text as "createdAt", data from order_events
        where order_id = ${order.id} and not internal order by id`,
    ),
    queryRows<OrderView['shipments'][number]>(
      db,
      sql`select carrier, tracking_number as "trackingNumber", tracking_url as "trackingUrl", shipped_at::text as "shippedAt",
          delivered_at::text as "deliveredAt" from shipments where order_id = ${order.id} order by id`,
    ),
    queryRows<OrderView['returns'][number]>(
      db,
      sql`select id, status, reason, created_at::text as "createdAt" from returns where order_id = ${order.id} order by id`,
    ),
  ]);
  const status = order.status as OrderStatus;
  const delivered = shipments.find((s) => s.deliveredAt)?.deliveredAt;
  const withinReturnWindow = delivered
    ? Date.now() - new Date(delivered).getTime() < RETURN_WINDOW_DAYS * 86_400_000
    : false;
  const expiresAt = new Date(order.expiresAt as string);
  const ship = openShipping(order as unknown as ShippingFields);
  return {
    id: order.id,
    number: order.number as string,
    status,
    totalMinor: order.totalMinor as number,
    currency: order.currency as string,
    createdAt: new Date(order.createdAt as string).toISOString(),
    itemCount: lines.reduce((n, l) => n + l.quantity, 0),
    email: order.email as string | null,
    subtotalMinor: order.subtotalMinor as number,
    shippingMinor: order.shippingMinor as number,
    taxMinor: order.taxMinor as number,
    taxInclusive: order.taxInclusive as boolean,
    refundedMinor: order.refundedMinor as number,
    shippingMethod: order.shippingMethod as string | null,
    address: ship.shipLine1
      ? {
          name: ship.shipName as string,
          line1: ship.shipLine1,
          line2: ship.shipLine2,
          city: ship.shipCity as string,
          region: ship.shipRegion,
          postalCode: ship.shipPostalCode as string,
          country: order.shipCountry as string,
        }
      : null,
    paymentProvider: order.paymentProvider as 'stripe' | 'demo',
    expiresAt: expiresAt.toISOString(),
    paidAt: order.paidAt ? new Date(order.paidAt as string).toISOString() : null,
    cancelReason: order.cancelReason as string | null,
    lines,
    events,
    shipments,
    returns,
    canCancel: status === 'pending_payment' || (status === 'paid' && shipments.length === 0),
    canReturn: status === 'delivered' && withinReturnWindow && lines.some((l) => l.returnable > 0),
    canPay:
      status === 'pending_payment' &&
      expiresAt.getTime() > Date.now() &&
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
  const rows = await queryRows<OrderSummary & { total: number }>(
    db,
    sql`select o.number, o.status, o.total_minor as "totalMinor", o.currency, o.created_at::text as "createdAt",
        (select coalesce(sum(quantity), 0)::int from order_lines where order_id = o.id) as "itemCount",
        count(*) over ()::int as total
      from orders o where o.user_id = ${user.id}
      order by o.created_at desc, o.id desc limit ${pageSize} offset ${(Math.max(1, page) - 1) * pageSize}`,
  );
  return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
}
