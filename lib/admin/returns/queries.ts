import 'server-only';
import { pick, getDb } from '@/db';
import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { iso } from '@/lib/admin/timestamps';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { requireAdmin } from '@/lib/auth/session';
import { actorNameFields } from '@/lib/admin/columns';
import { editions } from '@/lib/catalog/schema';
import { orderEvents, orderLines, orders, refunds, returnLines, returns } from '@/lib/orders/schema';
import { customerName, customerNameFields } from '@/lib/orders/sealed';
import { acceptableUnitsSql, suggestedReturnRefund } from '@/lib/orders/return-amounts';
import { RETURN_STATUSES, RETURNS_PAGE_SIZE, type ReturnStatus } from './validation';

export type AdminReturnRow = {
  id: number;
  status: ReturnStatus;
  orderNumber: string;
  email: string | null;
  customerName: string | null;
  itemCount: number;
  createdAt: string;
};

/**
 * Return requests for the back office, oldest open first within a status filter (newest first for
 * all), with the count per status. Admins only.
 */
export async function listReturnsForAdmin(options: { status: ReturnStatus | null; page: number }): Promise<{
  items: AdminReturnRow[];
  total: number;
  page: number;
  pageSize: number;
  counts: Record<ReturnStatus, number>;
}> {
  await requireAdmin();
  const db = await getDb();
  const pageSize = RETURNS_PAGE_SIZE;
  const open = options.status === 'requested' || options.status === 'approved';
  const [rows, counts] = await Promise.all([
    db
      .select({
        id: returns.id,
        status: returns.status,
        orderNumber: orders.number,
        email: orders.email,
        ...customerNameFields,
        itemCount: sql<number>`(select coalesce(sum(rl.quantity), 0)::int from return_lines rl
          where rl.return_id = "returns"."id")`.mapWith(Number),
        createdAt: returns.createdAt,
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(returns)
      .innerJoin(orders, eq(orders.id, returns.orderId))
      .leftJoin(users, eq(users.id, orders.userId))
      .where(options.status ? eq(returns.status, options.status) : undefined)
      .orderBy(...(open ? [asc(returns.createdAt), asc(returns.id)] : [desc(returns.createdAt), desc(returns.id)]))
      .limit(pageSize)
      .offset((options.page - 1) * pageSize),
    db.select({ status: returns.status, n: count() }).from(returns).groupBy(returns.status),
  ]);
  const byStatus = Object.fromEntries(RETURN_STATUSES.map((s) => [s, 0])) as Record<ReturnStatus, number>;
  for (const row of counts) byStatus[row.status] = row.n;
  return {
    items: rows.map(({ total: _total, createdAt, displayName, username, shipName, ...row }) => ({
      ...row,
      customerName: customerName({ displayName, username, shipName }),
      createdAt: iso(createdAt),
    })),
    total: rows[0]?.total ?? 0,
    page: options.page,
    pageSize,
    counts: byStatus,
  };
}

export type AdminReturnLine = {
  id: number;
  orderLineId: number;
  editionId: number | null;
  title: string;
  format: string;
  editionName: string | null;
  sku: string | null;
  digital: boolean;
  quantity: number;
  /** Units that can still be taken back (restock at most, refund value): see return-amounts.ts. */
  acceptable: number;
  unitPriceMinor: number;
};

export type AdminReturn = {
  id: number;
  status: ReturnStatus;
  reason: string;
  createdAt: string;
  updatedAt: string;
  order: {
    id: number;
    number: string;
    status: string;
    email: string | null;
    customerName: string | null;
    currency: string;
    totalMinor: number;
    refundedMinor: number;
    refundableMinor: number;
  };
  lines: AdminReturnLine[];
  /** The returned lines' value (with their tax when added on top), capped by what can still be refunded. */
  suggestedRefundMinor: number;
  /** This return's steps from the order's timeline (staff messages included). */
  events: { type: string; actorName: string | null; data: Record<string, unknown>; createdAt: string }[];
  can: { decide: boolean; receive: boolean; retryRefund: boolean };
};

/** One return with its order and lines, or null. Admins only. */
export async function getReturnForAdmin(returnId: number): Promise<AdminReturn | null> {
  await requireAdmin();
  if (!Number.isSafeInteger(returnId) || returnId <= 0 || returnId > 2_147_483_647) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      ...pick(returns, 'id status reason createdAt updatedAt orderId'),
      orderStatus: orders.status,
      ...pick(orders, 'number email currency totalMinor refundedMinor'),
      ...pick(orders, 'subtotalMinor shippingMinor taxMinor taxInclusive'),
      ...customerNameFields,
    })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .leftJoin(users, eq(users.id, orders.userId))
    .where(eq(returns.id, returnId));
  if (!row) return null;
  const [lines, events, pending] = await Promise.all([
    db
      .select({
        ...pick(returnLines, 'id orderLineId quantity'),
        ...pick(orderLines, 'editionId title format editionName digital unitPriceMinor'),
        sku: editions.sku,
        acceptable: acceptableUnitsSql('return_lines', 'order_lines').mapWith(Number),
      })
      .from(returnLines)
      .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
      .leftJoin(editions, eq(editions.id, orderLines.editionId))
      .where(eq(returnLines.returnId, returnId))
      .orderBy(asc(returnLines.id)),
    db
      .select({ ...pick(orderEvents, 'type data createdAt'), ...actorNameFields })
      .from(orderEvents)
      .leftJoin(users, eq(users.id, orderEvents.actorUserId))
      .where(and(eq(orderEvents.orderId, row.orderId), sql`${orderEvents.data}->>'returnId' = ${String(returnId)}`))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
    db.$count(
      refunds,
      and(eq(refunds.orderId, row.orderId), eq(refunds.reason, `return:${returnId}`), isNull(refunds.providerRef)),
    ),
  ]);
  const { status, totalMinor, refundedMinor } = row;
  const refundableMinor = totalMinor - refundedMinor;
  return {
    id: row.id,
    status,
    reason: row.reason,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    order: {
      id: row.orderId,
      number: row.number,
      status: row.orderStatus,
      email: row.email,
      customerName: customerName(row),
      currency: row.currency,
      totalMinor,
      refundedMinor,
      refundableMinor,
    },
    lines,
    suggestedRefundMinor: suggestedReturnRefund(lines, { ...row, refundableMinor }),
    events: events.map(({ actorDisplayName, ...event }) => ({
      ...event,
      actorName: nameOrUsername(actorDisplayName, event.actorName),
      createdAt: iso(event.createdAt),
    })),
    can: {
      decide: status === 'requested',
      receive: status === 'approved',
      retryRefund: status === 'received' && pending > 0,
    },
  };
}

/** The currency of a return's order (to read a typed refund amount), or null. Admins only. */
export async function getReturnCurrency(returnId: number): Promise<string | null> {
  await requireAdmin();
  const db = await getDb();
  const [row] = await db
    .select({ currency: orders.currency })
    .from(returns)
    .innerJoin(orders, eq(orders.id, returns.orderId))
    .where(eq(returns.id, returnId));
  return row?.currency ?? null;
}
