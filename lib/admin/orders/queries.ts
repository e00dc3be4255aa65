import 'server-only';
import { pick, getDb } from '@/db';
import { and, count, desc, eq, or, type SQL, sql } from 'drizzle-orm';
import { users } from '@/lib/accounts/schema';
import { requireAdmin } from '@/lib/auth/session';
import { orders } from '@/lib/orders/schema';
import { customerName, customerNameFields } from '@/lib/orders/sealed';
import { blindIndexMatches } from '@/lib/security/blind-index';
import { iso } from '@/lib/admin/timestamps';

import {
  type AdminOrderStatus,
  normaliseOrderNumber,
  ORDER_STATUSES,
  type OrderFilters,
  ORDERS_PAGE_SIZE,
} from './validation';

const LIST_COLUMNS = ['id', 'number', 'status', 'email', 'userId', 'totalMinor', 'refundedMinor', 'currency'] as const;

export type AdminOrderRow = Pick<typeof orders.$inferSelect, (typeof LIST_COLUMNS)[number]> & {
  customerName: string | null;
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

/**
 * The WHERE conditions of the list's filters; `withStatus: false` leaves the status out (for counts).
 * The subquery names "orders" itself: a single-table select leaves its columns unqualified.
 */
function filterConditions(filters: OrderFilters, withStatus: boolean): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (withStatus && filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.from) conditions.push(sql`${orders.createdAt} >= ${filters.from}::date::timestamp at time zone 'UTC'`);
  if (filters.to) conditions.push(sql`${orders.createdAt} < (${filters.to}::date + 1)::timestamp at time zone 'UTC'`);
  if (filters.customer) conditions.push(eq(orders.userId, filters.customer));
  if (filters.q) {
    // An order number, or part of the email, or the recipient's or the account's name or phone
    // number (encrypted: found through their blind indexes, whole words or the last digits only).
    const number = normaliseOrderNumber(filters.q);
    const alternatives: (SQL | null)[] = [
      sql`lower(${orders.email}) = lower(${filters.q})`,
      sql`lower(${orders.email}) like ${likePattern(filters.q)}`,
    ];
    if (number) alternatives.push(eq(orders.number, number));
    alternatives.push(blindIndexMatches(orders.blindIndex, filters.q));
    const account = blindIndexMatches(sql`a.blind_index`, filters.q);
    if (account) alternatives.push(sql`exists (select 1 from users a where a.id = "orders"."user_id" and ${account})`);
    conditions.push(or(...alternatives.filter((alternative) => alternative !== null)));
  }
  return and(...conditions);
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
    db
      .select({
        ...pick(orders, [...LIST_COLUMNS, 'createdAt']),
        ...customerNameFields,
        itemCount: sql<number>`(select coalesce(sum(l.quantity), 0)::int from order_lines l
          where l.order_id = "orders"."id")`.mapWith(Number),
        total: sql<number>`count(*) over ()`.mapWith(Number),
      })
      .from(orders)
      .leftJoin(users, eq(users.id, orders.userId))
      .where(filterConditions(filters, true))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(pageSize)
      .offset((filters.page - 1) * pageSize),
    db
      .select({ status: orders.status, n: count() })
      .from(orders)
      .where(filterConditions(filters, false))
      .groupBy(orders.status),
  ]);
  const byStatus = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<AdminOrderStatus, number>;
  for (const row of counts) byStatus[row.status] = row.n;
  // Past the last page the total still tells the page how many pages there are.
  const total = rows[0]?.total ?? (filters.page > 1 ? await db.$count(orders, filterConditions(filters, true)) : 0);
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

/** The currency of an order (to read an amount typed for it), or null. Admins only. */
export async function getOrderCurrency(orderId: number): Promise<string | null> {
  await requireAdmin();
  const db = await getDb();
  const [row] = await db.select({ currency: orders.currency }).from(orders).where(eq(orders.id, orderId));
  return row?.currency ?? null;
}
