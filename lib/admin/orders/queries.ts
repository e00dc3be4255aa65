import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { nameOrUsername, openDisplayName } from '@/lib/accounts/sealed';
import { requireAdmin } from '@/lib/auth/session';
import {
  customerName,
  type CustomerNameParts,
  customerNameColumns,
  openEventData,
  openShipping,
  type ShippingFields,
} from '@/lib/orders/sealed';
import { blindIndexMatches } from '@/lib/security/blind-index';
import { iso, isoOrNull } from '@/lib/admin/timestamps';
import {
  type AdminOrderStatus,
  normaliseOrderNumber,
  ORDER_STATUSES,
  type OrderFilters,
  ORDERS_PAGE_SIZE,
} from './validation';

export type AdminOrderRow = {
  id: number;
  number: string;
  status: AdminOrderStatus;
  email: string | null;
  customerName: string | null;
  userId: number | null;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
  itemCount: number;
  createdAt: string;
};

export type AdminOrderList = {
  items: AdminOrderRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Orders per status under the other filters (the status filter itself left out). */
  counts: Record<AdminOrderStatus, number>;
};

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The WHERE conditions of the list's filters; `withStatus: false` leaves the status out (for counts). */
function filterConditions(filters: OrderFilters, withStatus: boolean): SQL {
  const conditions: SQL[] = [sql`true`];
  if (withStatus && filters.status) conditions.push(sql`o.status = ${filters.status}`);
  if (filters.from) conditions.push(sql`o.created_at >= ${filters.from}::date::timestamp at time zone 'UTC'`);
  if (filters.to) conditions.push(sql`o.created_at < (${filters.to}::date + 1)::timestamp at time zone 'UTC'`);
  if (filters.customer) conditions.push(sql`o.user_id = ${filters.customer}`);
  if (filters.q) {
    // An order number, or part of the email, or the recipient's or the account's name or phone
    // number (encrypted: found through their blind indexes, whole words or the last digits only).
    const number = normaliseOrderNumber(filters.q);
    const alternatives: SQL[] = [
      sql`lower(o.email) = lower(${filters.q})`,
      sql`lower(o.email) like ${likePattern(filters.q)}`,
    ];
    if (number) alternatives.push(sql`o.number = ${number}`);
    const recipient = blindIndexMatches(sql`o.blind_index`, filters.q);
    const account = blindIndexMatches(sql`a.blind_index`, filters.q);
    if (recipient) alternatives.push(recipient);
    if (account) alternatives.push(sql`exists (select 1 from users a where a.id = o.user_id and ${account})`);
    conditions.push(sql`(${sql.join(alternatives, sql` or `)})`);
  }
  return sql.join(conditions, sql` and `);
}

/**
 * Orders for the back office, newest first, with the filters of the list page (status, days,
 * customer, a search by order number or email, case-insensitive) and the count of each status under
 * the same filters. Admins only: requireAdmin throws before anything is read.
 */
export async function listOrdersForAdmin(filters: OrderFilters): Promise<AdminOrderList> {
  await requireAdmin();
  const db = await getDb();
  const pageSize = ORDERS_PAGE_SIZE;
  const [rows, counts] = await Promise.all([
    queryRows<
      Omit<AdminOrderRow, 'createdAt' | 'customerName'> & CustomerNameParts & { createdAt: unknown; total: number }
    >(
      db,
      sql`select o.id, o.number, o.status, o.email, ${customerNameColumns},
          o.user_id as "userId", o.total_minor as "totalMinor", o.refunded_minor as "refundedMinor", o.currency,
          (select coalesce(sum(l.quantity), 0)::int from order_lines l where l.order_id = o.id) as "itemCount",
          o.created_at as "createdAt", count(*) over ()::int as total
        from orders o left join users u on u.id = o.user_id
        where ${filterConditions(filters, true)}
        order by o.created_at desc, o.id desc
        limit ${pageSize} offset ${(filters.page - 1) * pageSize}`,
    ),
    queryRows<{ status: AdminOrderStatus; n: number }>(
      db,
      sql`select o.status, count(*)::int as n from orders o where ${filterConditions(filters, false)} group by o.status`,
    ),
  ]);
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<AdminOrderStatus, number>;
  for (const row of counts) byStatus[row.status] = Number(row.n);
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && filters.page > 1) {
    // Past the last page: the total still tells the page how many pages there are.
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from orders o where ${filterConditions(filters, true)}`,
    );
    total = Number(row?.n ?? 0);
  }
  return {
    items: rows.map(({ total: _total, createdAt, displayName, username, shipName, ...row }) => ({
      ...row,
      customerName: customerName({ displayName, username, shipName }),
      createdAt: iso(createdAt),
    })),
    total,
    page: filters.page,
    pageSize,
    counts: byStatus,
  };
}

export type AdminOrderLine = {
  id: number;
  editionId: number | null;
  slug: string;
  title: string;
  format: string;
  editionName: string | null;
  kind: 'purchase' | 'rental';
  digital: boolean;
  sku: string | null;
  barcode: string | null;
  unitPriceMinor: number;
  quantity: number;
  lineTotalMinor: number;
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

export type AdminOrder = {
  id: number;
  number: string;
  status: AdminOrderStatus;
  email: string | null;
  locale: string;
  currency: string;
  subtotalMinor: number;
  shippingMinor: number;
  taxMinor: number;
  taxInclusive: boolean;
  totalMinor: number;
  refundedMinor: number;
  /** What can still be refunded: total − refunded. */
  refundableMinor: number;
  shippingMethod: string | null;
  address: {
    name: string | null;
    line1: string;
    line2: string | null;
    city: string | null;
    region: string | null;
    postalCode: string | null;
    country: string | null;
    phone: string | null;
  } | null;
  payment: {
    provider: 'stripe' | 'demo';
    ref: string | null;
    intentRef: string | null;
    paidAt: string | null;
  };
  createdAt: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  reviewReason: string | null;
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

type OrderRow = Record<string, unknown> & { id: number; userId: number | null; email: string | null };

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
  const [order] = await queryRows<OrderRow>(
    db,
    sql`select o.id, o.number, o.status, o.email, o.locale, o.currency, o.subtotal_minor as "subtotalMinor",
        o.shipping_minor as "shippingMinor", o.tax_minor as "taxMinor", o.tax_inclusive as "taxInclusive",
        o.total_minor as "totalMinor", o.refunded_minor as "refundedMinor", o.shipping_method as "shippingMethod",
        o.ship_name as "shipName", o.ship_line1 as "shipLine1", o.ship_line2 as "shipLine2", o.ship_city as "shipCity",
        o.ship_region as "shipRegion", o.ship_postal_code as "shipPostalCode", o.ship_country as "shipCountry",
        o.ship_phone as "shipPhone", o.payment_provider as "paymentProvider", o.payment_ref as "paymentRef",
        o.payment_intent_ref as "paymentIntentRef", o.paid_at as "paidAt", o.created_at as "createdAt",
        o.cancelled_at as "cancelledAt", o.cancel_reason as "cancelReason", o.review_reason as "reviewReason",
        o.user_id as "userId", u.username, u.display_name as "displayName", u.email as "accountEmail"
      from orders o left join users u on u.id = o.user_id where o.number = ${normalised}`,
  );
  if (!order) return null;
  const [lines, events, shipments, refunds, returns, [counted]] = await Promise.all([
    queryRows<AdminOrderLine>(
      db,
      sql`select l.id, l.edition_id as "editionId", l.product_slug as slug, l.title, l.format, l.edition_name as "editionName",
          l.kind, l.digital, e.sku, e.barcode, l.unit_price_minor as "unitPriceMinor", l.quantity,
          l.line_total_minor as "lineTotalMinor"
        from order_lines l left join editions e on e.id = l.edition_id
        where l.order_id = ${order.id} order by l.id`,
    ),
    queryRows<Omit<AdminOrderEvent, 'createdAt'> & { createdAt: unknown; actorDisplayName: string | null }>(
      db,
      sql`select ev.id, ev.type, ev.actor, u.display_name as "actorDisplayName", u.username as "actorName", ev.internal, ev.data,
          ev.created_at as "createdAt"
        from order_events ev left join users u on u.id = ev.actor_user_id
        where ev.order_id = ${order.id} order by ev.created_at, ev.id`,
    ),
    queryRows<{
      id: number;
      carrier: string;
      trackingNumber: string;
      trackingUrl: string | null;
      shippedAt: unknown;
      deliveredAt: unknown;
    }>(
      db,
      sql`select id, carrier, tracking_number as "trackingNumber", tracking_url as "trackingUrl", shipped_at as "shippedAt",
          delivered_at as "deliveredAt" from shipments where order_id = ${order.id} order by id`,
    ),
    queryRows<Omit<AdminRefund, 'createdAt'> & { createdAt: unknown; actorDisplayName: string | null }>(
      db,
      sql`select r.id, r.amount_minor as "amountMinor", r.reason, r.provider_ref as "providerRef",
          u.display_name as "actorDisplayName", u.username as "actorName", r.created_at as "createdAt"
        from refunds r left join users u on u.id = r.actor_user_id where r.order_id = ${order.id} order by r.id`,
    ),
    queryRows<{ id: number; status: string; reason: string; createdAt: unknown }>(
      db,
      sql`select id, status, reason, created_at as "createdAt" from returns where order_id = ${order.id} order by id`,
    ),
    queryRows<{ n: number }>(
      db,
      order.userId !== null
        ? sql`select count(*)::int as n from orders where user_id = ${order.userId}`
        : sql`select count(*)::int as n from orders where lower(email) = lower(${order.email ?? ''})`,
    ),
  ]);
  const status = order.status as AdminOrderStatus;
  const totalMinor = order.totalMinor as number;
  const refundedMinor = order.refundedMinor as number;
  const refundableMinor = totalMinor - refundedMinor;
  const hasPhysical = lines.some((line) => !line.digital);
  const pendingRefunds = refunds.some((refund) => refund.providerRef === null);
  const ship = openShipping(order as unknown as ShippingFields);
  return {
    id: order.id,
    number: order.number as string,
    status,
    email: order.email,
    locale: order.locale as string,
    currency: order.currency as string,
    subtotalMinor: order.subtotalMinor as number,
    shippingMinor: order.shippingMinor as number,
    taxMinor: order.taxMinor as number,
    taxInclusive: order.taxInclusive as boolean,
    totalMinor,
    refundedMinor,
    refundableMinor,
    shippingMethod: order.shippingMethod as string | null,
    address: ship.shipLine1
      ? {
          name: ship.shipName,
          line1: ship.shipLine1,
          line2: ship.shipLine2,
          city: ship.shipCity,
          region: ship.shipRegion,
          postalCode: ship.shipPostalCode,
          country: order.shipCountry as string | null,
          phone: ship.shipPhone,
        }
      : null,
    payment: {
      provider: order.paymentProvider as 'stripe' | 'demo',
      ref: order.paymentRef as string | null,
      intentRef: order.paymentIntentRef as string | null,
      paidAt: isoOrNull(order.paidAt),
    },
    createdAt: iso(order.createdAt),
    cancelledAt: isoOrNull(order.cancelledAt),
    cancelReason: order.cancelReason as string | null,
    reviewReason: order.reviewReason as string | null,
    customer: {
      userId: order.userId,
      username: order.username as string | null,
      displayName: openDisplayName(order.displayName as string | null),
      accountEmail: order.accountEmail as string | null,
      orderCount: Number(counted?.n ?? 0),
    },
    lines,
    events: events.map(({ actorDisplayName, ...event }) => ({
      ...openEventData(event),
      actorName: nameOrUsername(actorDisplayName, event.actorName),
      id: Number(event.id),
      createdAt: iso(event.createdAt),
    })),
    shipments: shipments.map((s) => ({ ...s, shippedAt: iso(s.shippedAt), deliveredAt: isoOrNull(s.deliveredAt) })),
    refunds: refunds.map(({ actorDisplayName, ...refund }) => ({
      ...refund,
      actorName: nameOrUsername(actorDisplayName, refund.actorName),
      createdAt: iso(refund.createdAt),
    })),
    returns: returns.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    can: {
      ship: status === 'paid' && hasPhysical && shipments.length === 0,
      deliver: status === 'shipped',
      cancel: status === 'pending_payment' || (status === 'paid' && shipments.length === 0),
      refund: ['paid', 'shipped', 'delivered'].includes(status) && refundableMinor > 0,
      resolve: status === 'needs_review',
      markPaid: status === 'needs_review' && refundedMinor === 0 && refunds.length === 0,
      retryRefunds: pendingRefunds,
    },
  };
}

/** The currency of an order (to read an amount typed for it), or null. Admins only. */
export async function getOrderCurrency(orderId: number): Promise<string | null> {
  await requireAdmin();
  const db = await getDb();
  const [row] = await queryRows<{ currency: string }>(db, sql`select currency from orders where id = ${orderId}`);
  return row?.currency ?? null;
}
