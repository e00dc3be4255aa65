import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { iso } from '@/lib/admin/timestamps';
import { nameOrUsername } from '@/lib/accounts/sealed';
import { requireAdmin } from '@/lib/auth/session';
import { customerName, type CustomerNameParts, customerNameColumns } from '@/lib/orders/sealed';
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
    queryRows<
      Omit<AdminReturnRow, 'createdAt' | 'customerName'> & CustomerNameParts & { createdAt: unknown; total: number }
    >(
      db,
      sql`select r.id, r.status, o.number as "orderNumber", o.email, ${customerNameColumns},
          (select coalesce(sum(rl.quantity), 0)::int from return_lines rl where rl.return_id = r.id) as "itemCount",
          r.created_at as "createdAt", count(*) over ()::int as total
        from returns r join orders o on o.id = r.order_id left join users u on u.id = o.user_id
        where ${options.status ? sql`r.status = ${options.status}` : sql`true`}
        order by ${open ? sql`r.created_at asc, r.id asc` : sql`r.created_at desc, r.id desc`}
        limit ${pageSize} offset ${(options.page - 1) * pageSize}`,
    ),
    queryRows<{ status: ReturnStatus; n: number }>(
      db,
      sql`select status, count(*)::int as n from returns group by status`,
    ),
  ]);
  const byStatus = Object.fromEntries(RETURN_STATUSES.map((s) => [s, 0])) as Record<ReturnStatus, number>;
  for (const row of counts) byStatus[row.status] = Number(row.n);
  return {
    items: rows.map(({ total: _total, createdAt, displayName, username, shipName, ...row }) => ({
      ...row,
      customerName: customerName({ displayName, username, shipName }),
      createdAt: iso(createdAt),
    })),
    total: Number(rows[0]?.total ?? 0),
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
  const [row] = await queryRows<Record<string, unknown> & { orderId: number }>(
    db,
    sql`select r.id, r.status, r.reason, r.created_at as "createdAt", r.updated_at as "updatedAt", r.order_id as "orderId",
        o.number, o.status as "orderStatus", o.email, ${customerNameColumns},
        o.currency, o.total_minor as "totalMinor", o.refunded_minor as "refundedMinor",
        o.subtotal_minor as "subtotalMinor", o.shipping_minor as "shippingMinor", o.tax_minor as "taxMinor",
        o.tax_inclusive as "taxInclusive"
      from returns r join orders o on o.id = r.order_id left join users u on u.id = o.user_id
      where r.id = ${returnId}`,
  );
  if (!row) return null;
  const [lines, events, [pending]] = await Promise.all([
    queryRows<AdminReturnLine>(
      db,
      sql`select rl.id, rl.order_line_id as "orderLineId", l.edition_id as "editionId", l.title, l.format,
          l.edition_name as "editionName", e.sku, l.digital, rl.quantity, ${acceptableUnitsSql('rl', 'l')} as acceptable,
          l.unit_price_minor as "unitPriceMinor"
        from return_lines rl join order_lines l on l.id = rl.order_line_id left join editions e on e.id = l.edition_id
        where rl.return_id = ${returnId} order by rl.id`,
    ),
    queryRows<{
      type: string;
      actorDisplayName: string | null;
      actorName: string | null;
      data: Record<string, unknown>;
      createdAt: unknown;
    }>(
      db,
      sql`select ev.type, u.display_name as "actorDisplayName", u.username as "actorName", ev.data, ev.created_at as "createdAt"
        from order_events ev left join users u on u.id = ev.actor_user_id
        where ev.order_id = ${row.orderId} and ev.data->>'returnId' = ${String(returnId)}
        order by ev.created_at, ev.id`,
    ),
    queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from refunds where order_id = ${row.orderId} and reason = ${`return:${returnId}`}
        and provider_ref is null`,
    ),
  ]);
  const status = row.status as ReturnStatus;
  const totalMinor = row.totalMinor as number;
  const refundedMinor = row.refundedMinor as number;
  const refundableMinor = totalMinor - refundedMinor;
  return {
    id: row.id as number,
    status,
    reason: row.reason as string,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    order: {
      id: row.orderId,
      number: row.number as string,
      status: row.orderStatus as string,
      email: row.email as string | null,
      customerName: customerName(row as unknown as CustomerNameParts),
      currency: row.currency as string,
      totalMinor,
      refundedMinor,
      refundableMinor,
    },
    lines,
    suggestedRefundMinor: suggestedReturnRefund(lines, {
      subtotalMinor: row.subtotalMinor as number,
      shippingMinor: row.shippingMinor as number,
      taxMinor: row.taxMinor as number,
      taxInclusive: row.taxInclusive as boolean,
      refundableMinor,
    }),
    events: events.map(({ actorDisplayName, ...event }) => ({
      ...event,
      actorName: nameOrUsername(actorDisplayName, event.actorName),
      createdAt: iso(event.createdAt),
    })),
    can: {
      decide: status === 'requested',
      receive: status === 'approved',
      retryRefund: status === 'received' && Number(pending?.n ?? 0) > 0,
    },
  };
}

/** The currency of a return's order (to read a typed refund amount), or null. Admins only. */
export async function getReturnCurrency(returnId: number): Promise<string | null> {
  await requireAdmin();
  const db = await getDb();
  const [row] = await queryRows<{ currency: string }>(
    db,
    sql`select o.currency from returns r join orders o on o.id = r.order_id where r.id = ${returnId}`,
  );
  return row?.currency ?? null;
}
