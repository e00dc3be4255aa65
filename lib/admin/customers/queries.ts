import 'server-only';
import { pick, type Executor, getDb } from '@/db';
import { and, count, desc, eq, ilike, inArray, isNotNull, isNull, or, type SQL, sql } from 'drizzle-orm';
import { openDisplayName } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { countsAsRevenue, netPaid, revenueCurrency } from '@/lib/admin/dashboard/revenue';
import { containsPattern, type Page, pageWithin } from '@/lib/admin/paging';

import { requireAdmin } from '@/lib/auth/session';
import { orders } from '@/lib/orders/schema';
import { blindIndexMatches } from '@/lib/security/blind-index';
import { CUSTOMERS_PAGE_SIZE, type CustomerFilters } from './validation';

type User = typeof users.$inferSelect;
type Order = typeof orders.$inferSelect;

export type CustomerStatus = 'active' | 'disabled' | 'deleted';

export type CustomerListItem = Pick<User, 'id' | 'username' | 'email' | 'displayName' | 'role'> & {
  status: CustomerStatus;
  createdAt: Date;
  orders: number;
  lifetimeValueMinor: number;
};

export type CustomerOrder = Pick<
  Order,
  'number' | 'status' | 'totalMinor' | 'refundedMinor' | 'currency' | 'createdAt'
>;

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

const statusOf = (row: { disabledAt: Date | null; deletedAt: Date | null }): CustomerStatus =>
  row.deletedAt ? 'deleted' : row.disabledAt ? 'disabled' : 'active';

/** The profile columns the list and the detail page share. */
const profileFields = pick(users, [
  ...['id', 'username', 'email', 'displayName', 'role', 'disabledAt', 'deletedAt', 'createdAt'],
] as const);

/**
 * Order count, paid orders and lifetime value (net paid, see lib/admin/dashboard/revenue.ts) of
 * some accounts, by user id; an account without orders is absent.
 */
async function orderStats(db: Executor, userIds: number[]) {
  if (userIds.length === 0) return new Map<number, { orders: number; paidOrders: number; ltv: number }>();
  const rows = await db
    .select({
      userId: sql<number>`${orders.userId}`,
      orders: count(),
      paidOrders: sql<number>`count(*) filter (where ${countsAsRevenue('"orders"')})`.mapWith(Number),
      ltv: sql<number>`coalesce(sum(${netPaid('"orders"')}) filter (where ${countsAsRevenue('"orders"')}), 0)::float8`.mapWith(
        Number,
      ),
    })
    .from(orders)
    .where(inArray(orders.userId, userIds))
    .groupBy(orders.userId);
  return new Map(rows.map(({ userId, ...stats }) => [userId, stats]));
}

/** The list's search: the subquery names "users" itself, as a single-table select leaves columns unqualified. */
function searchCondition(q: string): SQL | undefined {
  const pattern = containsPattern(q);
  const byAddress = blindIndexMatches(sql`a.blind_index`, q);
  return or(
    ilike(users.username, pattern),
    ilike(users.email, pattern),
    blindIndexMatches(users.blindIndex, q) ?? undefined,
    byAddress ? sql`exists (select 1 from addresses a where a.user_id = "users"."id" and ${byAddress})` : undefined,
  );
}

const statusConditions: Record<CustomerStatus, SQL | undefined> = {
  active: and(isNull(users.disabledAt), isNull(users.deletedAt)),
  disabled: and(isNotNull(users.disabledAt), isNull(users.deletedAt)),
  deleted: isNotNull(users.deletedAt),
};

/**
 * Accounts for the back office, newest first, CUSTOMERS_PAGE_SIZE to a page: `q` matches username or
 * email (case-insensitive, anywhere), or — through their blind indexes, as names and phone numbers
 * are encrypted — whole words of the display name or of a name in the address book, or a phone
 * number in the address book (whole or its last digits); `role` and `status` narrow the list. Each row
 * carries its order count and lifetime value (net paid, see lib/admin/dashboard/revenue.ts),
 * computed for the page's rows only. Admins only (requireAdmin throws otherwise).
 */
export async function listCustomers(filters: CustomerFilters): Promise<Page<CustomerListItem> & { currency: string }> {
  await requireAdmin();
  const db = await getDb();
  const where = and(
    filters.q ? searchCondition(filters.q) : undefined,
    filters.role ? eq(users.role, filters.role) : undefined,
    filters.status ? statusConditions[filters.status] : undefined,
  );
  const total = await db.$count(users, where);
  const { page, pageCount } = pageWithin(total, filters.page, CUSTOMERS_PAGE_SIZE);
  const rows = await db
    .select(profileFields)
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(CUSTOMERS_PAGE_SIZE)
    .offset((page - 1) * CUSTOMERS_PAGE_SIZE);
  const stats = await orderStats(
    db,
    rows.map((row) => row.id),
  );
  return {
    items: rows.map(({ disabledAt, deletedAt, ...row }) => ({
      ...row,
      displayName: openDisplayName(row.displayName),
      status: statusOf({ disabledAt, deletedAt }),
      orders: stats.get(row.id)?.orders ?? 0,
      lifetimeValueMinor: stats.get(row.id)?.ltv ?? 0,
    })),
    total,
    page,
    pageCount,
    currency: revenueCurrency(),
  };
}

/** A count of an account's rows in another table; the table name is written out (see searchCondition). */
const countOf = (table: string, extra = sql``) =>
  sql<number>`(select count(*) from ${sql.raw(table)} t where t.user_id = "users"."id" ${extra})::int`.mapWith(Number);

/**
 * One account for the back office: profile, counts, lifetime value (net paid) and its newest
 * CUSTOMER_ORDERS_SHOWN orders; null when there is no such account. Never the password hash (only
 * whether there is one). Admins only.
 */
export async function getCustomer(userId: number): Promise<CustomerDetail | null> {
  await requireAdmin();
  if (!Number.isSafeInteger(userId) || userId < 1 || userId > 2_147_483_647) return null;
  const db = await getDb();
  const [[row], recent, stats] = await Promise.all([
    db
      .select({
        ...profileFields,
        preferredLocale: users.preferredLocale,
        updatedAt: users.updatedAt,
        hasPassword: sql<boolean>`"users"."password_hash" is not null`,
        oauthProviders: sql<string[] | null>`(select array_agg(a.provider order by a.provider) from oauth_accounts a
          where a.user_id = "users"."id")`,
        activeSessions: countOf('sessions', sql`and t.revoked_at is null`),
        addresses: countOf('addresses'),
        reviews: countOf('reviews'),
      })
      .from(users)
      .where(eq(users.id, userId)),
    db
      .select(pick(orders, 'number status totalMinor refundedMinor currency createdAt'))
      .from(orders)
      .where(eq(orders.userId, userId))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(CUSTOMER_ORDERS_SHOWN),
    orderStats(db, [userId]),
  ]);
  if (!row) return null;
  const { orders: orderCount = 0, paidOrders = 0, ltv = 0 } = stats.get(userId) ?? {};
  const { deletedAt: _deletedAt, ...profile } = row;
  return {
    ...profile,
    displayName: openDisplayName(row.displayName),
    status: statusOf(row),
    hasPassword: Boolean(row.hasPassword),
    oauthProviders: row.oauthProviders ?? [],
    orderCount,
    paidOrders,
    lifetimeValueMinor: ltv,
    currency: revenueCurrency(),
    orders: recent,
  };
}
