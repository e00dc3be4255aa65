import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { openDisplayName } from '@/lib/accounts/sealed';
import { countsAsRevenue, netPaid, revenueCurrency } from '@/lib/admin/dashboard/revenue';
import { requireAdmin } from '@/lib/auth/session';
import { blindIndexMatches } from '@/lib/security/blind-index';
import { CUSTOMERS_PAGE_SIZE, type CustomerFilters } from './validation';

export type CustomerStatus = 'active' | 'disabled' | 'deleted';

export type CustomerListItem = {
  id: number;
  username: string;
  email: string | null;
  displayName: string | null;
  role: 'customer' | 'admin';
  status: CustomerStatus;
  createdAt: Date;
  orders: number;
  lifetimeValueMinor: number;
};

export type CustomerOrder = {
  number: string;
  status: string;
  totalMinor: number;
  refundedMinor: number;
  currency: string;
  createdAt: Date;
};

export type CustomerDetail = Omit<CustomerListItem, 'orders'> & {
  preferredLocale: string | null;
  disabledAt: Date | null;
  updatedAt: Date;
  hasPassword: boolean;
  oauthProviders: string[];
  activeSessions: number;
  addresses: number;
  reviews: number;
  paidOrders: number;
  orderCount: number;
  orders: CustomerOrder[];
  currency: string;
};

/** How many of a customer's orders the detail page lists (newest first). */
export const CUSTOMER_ORDERS_SHOWN = 50;

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));

/** `%`, `_` and `\` typed by an admin are literal characters, not wildcards. */
const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

const statusOf = (row: { disabledAt: unknown; deletedAt: unknown }): CustomerStatus =>
  row.deletedAt ? 'deleted' : row.disabledAt ? 'disabled' : 'active';

/**
 * Accounts for the back office, newest first, CUSTOMERS_PAGE_SIZE to a page: `q` matches username or
 * email (case-insensitive, anywhere), or — through their blind indexes, as names and phone numbers
 * are encrypted — whole words of the display name or of a name in the address book, or a phone
 * number in the address book (whole or its last digits); `role` and `status` narrow the list. Each row
 * carries its order count and lifetime value (net paid, see lib/admin/dashboard/revenue.ts),
 * computed for the page's rows only. Admins only (requireAdmin throws otherwise).
 */
export async function listCustomers(
  filters: CustomerFilters,
): Promise<{ items: CustomerListItem[]; total: number; page: number; pageCount: number; currency: string }> {
  await requireAdmin();
  const db = await getDb();
  const conditions: SQL[] = [];
  if (filters.q) {
    const pattern = likePattern(filters.q);
    const alternatives: SQL[] = [sql`u.username ilike ${pattern}`, sql`u.email ilike ${pattern}`];
    const byName = blindIndexMatches(sql`u.blind_index`, filters.q);
    const byAddress = blindIndexMatches(sql`a.blind_index`, filters.q);
    if (byName) alternatives.push(byName);
    if (byAddress) alternatives.push(sql`exists (select 1 from addresses a where a.user_id = u.id and ${byAddress})`);
    conditions.push(sql`(${sql.join(alternatives, sql` or `)})`);
  }
  if (filters.role) conditions.push(sql`u.role = ${filters.role}`);
  if (filters.status === 'active') conditions.push(sql`u.disabled_at is null and u.deleted_at is null`);
  if (filters.status === 'disabled') conditions.push(sql`u.disabled_at is not null and u.deleted_at is null`);
  if (filters.status === 'deleted') conditions.push(sql`u.deleted_at is not null`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;

  const [{ total } = { total: 0 }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from users u ${where}`,
  );
  const pageCount = Math.max(1, Math.ceil(Number(total) / CUSTOMERS_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await queryRows<{
    id: number;
    username: string;
    email: string | null;
    displayName: string | null;
    role: 'customer' | 'admin';
    disabledAt: unknown;
    deletedAt: unknown;
    createdAt: unknown;
    orders: number;
    ltv: number;
  }>(
    db,
    sql`select u.id, u.username, u.email, u.display_name as "displayName", u.role, u.disabled_at as "disabledAt",
          u.deleted_at as "deletedAt", u.created_at as "createdAt",
          coalesce(s.orders, 0)::int as orders, coalesce(s.ltv, 0)::float8 as ltv
        from (select u.id, u.username, u.email, u.display_name, u.role, u.disabled_at, u.deleted_at, u.created_at
              from users u ${where} order by u.created_at desc, u.id desc
              limit ${CUSTOMERS_PAGE_SIZE} offset ${(page - 1) * CUSTOMERS_PAGE_SIZE}) u
        left join lateral (
          select count(*) as orders, sum(${netPaid('o')}) filter (where ${countsAsRevenue('o')}) as ltv
          from orders o where o.user_id = u.id
        ) s on true
        order by u.created_at desc, u.id desc`,
  );
  return {
    items: rows.map((row) => ({
      id: row.id,
      username: row.username,
      email: row.email,
      displayName: openDisplayName(row.displayName),
      role: row.role,
      status: statusOf(row),
      createdAt: toDate(row.createdAt),
      orders: Number(row.orders),
      lifetimeValueMinor: Number(row.ltv),
    })),
    total: Number(total),
    page,
    pageCount,
    currency: revenueCurrency(),
  };
}

/**
 * One account for the back office: profile, counts, lifetime value (net paid) and its newest
 * CUSTOMER_ORDERS_SHOWN orders; null when there is no such account. Never the password hash (only
 * whether there is one). Admins only.
 */
export async function getCustomer(userId: number): Promise<CustomerDetail | null> {
  await requireAdmin();
  if (!Number.isSafeInteger(userId) || userId < 1 || userId > 2_147_483_647) return null;
  const db = await getDb();
  const [[row], orders] = await Promise.all([
    queryRows<{
      id: number;
      username: string;
      email: string | null;
      displayName: string | null;
      role: 'customer' | 'admin';
      preferredLocale: string | null;
      disabledAt: unknown;
      deletedAt: unknown;
      createdAt: unknown;
      updatedAt: unknown;
      hasPassword: boolean;
      oauthProviders: string[] | null;
      activeSessions: number;
      addresses: number;
      reviews: number;
      orderCount: number;
      paidOrders: number;
      ltv: number;
    }>(
      db,
      sql`select u.id, u.username, u.email, u.display_name as "displayName", u.role,
            u.preferred_locale as "preferredLocale", u.disabled_at as "disabledAt", u.deleted_at as "deletedAt",
            u.created_at as "createdAt", u.updated_at as "updatedAt", u.password_hash is not null as "hasPassword",
            (select array_agg(a.provider order by a.provider) from oauth_accounts a where a.user_id = u.id) as "oauthProviders",
            (select count(*) from sessions s where s.user_id = u.id and s.revoked_at is null)::int as "activeSessions",
            (select count(*) from addresses a where a.user_id = u.id)::int as addresses,
            (select count(*) from reviews r where r.user_id = u.id)::int as reviews,
            o.order_count::int as "orderCount", o.paid_orders::int as "paidOrders", coalesce(o.ltv, 0)::float8 as ltv
          from users u
          cross join lateral (
            select count(*) as order_count, count(*) filter (where ${countsAsRevenue('o')}) as paid_orders,
              sum(${netPaid('o')}) filter (where ${countsAsRevenue('o')}) as ltv
            from orders o where o.user_id = u.id
          ) o
          where u.id = ${userId}`,
    ),
    queryRows<{
      number: string;
      status: string;
      totalMinor: number;
      refundedMinor: number;
      currency: string;
      createdAt: unknown;
    }>(
      db,
      sql`select o.number, o.status, o.total_minor as "totalMinor", o.refunded_minor as "refundedMinor", o.currency,
            o.created_at as "createdAt"
          from orders o where o.user_id = ${userId}
          order by o.created_at desc, o.id desc
          limit ${CUSTOMER_ORDERS_SHOWN}`,
    ),
  ]);
  if (!row) return null;
  return {
    id: row.id,
    username: row.username,
    email: row.email,
    displayName: openDisplayName(row.displayName),
    role: row.role,
    status: statusOf(row),
    preferredLocale: row.preferredLocale,
    disabledAt: row.disabledAt ? toDate(row.disabledAt) : null,
    createdAt: toDate(row.createdAt),
    updatedAt: toDate(row.updatedAt),
    hasPassword: Boolean(row.hasPassword),
    oauthProviders: row.oauthProviders ?? [],
    activeSessions: Number(row.activeSessions),
    addresses: Number(row.addresses),
    reviews: Number(row.reviews),
    orderCount: Number(row.orderCount),
    paidOrders: Number(row.paidOrders),
    lifetimeValueMinor: Number(row.ltv),
    currency: revenueCurrency(),
    orders: orders.map((order) => ({
      ...order,
      totalMinor: Number(order.totalMinor),
      refundedMinor: Number(order.refundedMinor),
      createdAt: toDate(order.createdAt),
    })),
  };
}
