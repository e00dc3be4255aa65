import 'server-only';
import { pick, type Executor, getDb } from '@/db';
import { and, asc, eq, inArray, lte, not, type SQL, sql } from 'drizzle-orm';
import { requireAdmin } from '@/lib/auth/session';

import { editions, products } from '@/lib/catalog/schema';
import { orders, returns } from '@/lib/orders/schema';
import { type DateRange, dayEnd, dayStart } from './range';
import { type DayPoint, revenueSeries, type TopFormat, topFormats, type TopProduct, topProducts } from './report-sql';
import { countsAsRevenue, revenueCurrency } from './revenue';

export type { DayPoint, TopFormat, TopProduct };

/** An edition is "low" at this stock or below. */
export const LOW_STOCK_THRESHOLD = 3;
/** Rows shown per work queue (the totals count them all). */
const QUEUE_SIZE = 10;
const TOP_SIZE = 8;

export type LowStockEdition = {
  editionId: number;
  sku: string;
  format: string;
  name: string | null;
  stock: number;
  productTitle: string;
  productSlug: string;
};
const QUEUED_ORDER_COLUMNS = [
  'number',
  'email',
  'totalMinor',
  'currency',
  'createdAt',
  'paidAt',
  'reviewReason',
] as const;
export type QueuedOrder = Pick<typeof orders.$inferSelect, (typeof QUEUED_ORDER_COLUMNS)[number]>;
export type OpenReturn = { id: number; status: 'requested' | 'approved'; orderNumber: string; createdAt: Date };
type Queue<T> = { items: T[]; total: number };

export type Dashboard = {
  range: DateRange;
  currency: string;
  series: DayPoint[];
  totals: { orders: number; revenueMinor: number; averageOrderMinor: number | null };
  topProductsByRevenue: TopProduct[];
  topProductsByUnits: TopProduct[];
  topFormats: TopFormat[];
  lowStock: Queue<LowStockEdition>;
  waitingToShip: Queue<QueuedOrder>;
  openReturns: Queue<OpenReturn>;
  needsReview: Queue<QueuedOrder>;
};

/** A windowed total beside each row: the first QUEUE_SIZE rows and how many in all. */
const windowTotal = () => sql<number>`count(*) over ()`.mapWith(Number);
const queueOf = <T extends { total: number }>(rows: T[]): Queue<Omit<T, 'total'>> => ({
  items: rows.map(({ total: _total, ...row }) => row),
  total: rows[0]?.total ?? 0,
});

/**
 * Everything on the back-office dashboard for one date range (see ./revenue.ts for what counts as
 * revenue), read with a handful of aggregate queries run side by side. Admins only: requireAdmin
 * throws before anything is read. Per request, never cached.
 */
export async function getDashboard(range: DateRange): Promise<Dashboard> {
  await requireAdmin();
  const db = await getDb();
  const start = dayStart(range.from).toISOString();
  const end = dayEnd(range.to).toISOString();
  const inRange = sql`${countsAsRevenue('o')} and o.paid_at >= ${start}::timestamptz and o.paid_at < ${end}::timestamptz`;

  const [series, byRevenue, byUnits, formats, lowStock, waiting, openReturns, review] = await Promise.all([
    revenueSeries(db, range, inRange),
    topProducts(db, inRange, 'revenue', TOP_SIZE),
    topProducts(db, inRange, 'units', TOP_SIZE),
    topFormats(db, inRange),
    db
      .select({
        editionId: editions.id,
        sku: editions.sku,
        format: editions.format,
        name: editions.name,
        stock: editions.stock,
        productTitle: products.title,
        productSlug: products.slug,
        total: windowTotal(),
      })
      .from(editions)
      .innerJoin(products, eq(products.id, editions.productId))
      .where(and(eq(editions.status, 'active'), not(editions.digital), lte(editions.stock, LOW_STOCK_THRESHOLD)))
      .orderBy(asc(editions.stock), asc(products.title), asc(editions.id))
      .limit(QUEUE_SIZE),
    // Paid orders with something to put in a box (all-digital orders have nothing to ship). The
    // subquery names "orders": a single-table select leaves its columns unqualified.
    queuedOrders(
      db,
      sql`${orders.status} = 'paid'
        and exists (select 1 from order_lines l where l.order_id = "orders"."id" and not l.digital)`,
    ),
    db
      .select({
        id: returns.id,
        status: sql<OpenReturn['status']>`${returns.status}`,
        orderNumber: orders.number,
        createdAt: returns.createdAt,
        total: windowTotal(),
      })
      .from(returns)
      .innerJoin(orders, eq(orders.id, returns.orderId))
      .where(inArray(returns.status, ['requested', 'approved']))
      .orderBy(asc(returns.createdAt), asc(returns.id))
      .limit(QUEUE_SIZE),
    queuedOrders(db, eq(orders.status, 'needs_review')),
  ]);

  const orderCount = series.reduce((sum, point) => sum + point.orders, 0);
  const revenueMinor = series.reduce((sum, point) => sum + point.revenueMinor, 0);
  return {
    range,
    currency: revenueCurrency(),
    series,
    totals: {
      orders: orderCount,
      revenueMinor,
      averageOrderMinor: orderCount > 0 ? Math.round(revenueMinor / orderCount) : null,
    },
    topProductsByRevenue: byRevenue,
    topProductsByUnits: byUnits,
    topFormats: formats,
    lowStock: queueOf(lowStock),
    waitingToShip: waiting,
    openReturns: queueOf(openReturns),
    needsReview: review,
  };
}

/** Oldest first (the orders_status_created index), the first QUEUE_SIZE and how many in all. */
async function queuedOrders(db: Executor, where: SQL): Promise<Queue<QueuedOrder>> {
  const rows = await db
    .select({ ...pick(orders, QUEUED_ORDER_COLUMNS), total: windowTotal() })
    .from(orders)
    .where(where)
    .orderBy(asc(orders.createdAt), asc(orders.id))
    .limit(QUEUE_SIZE);
  return queueOf(rows);
}
