import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { requireAdmin } from '@/lib/auth/session';
import { type DateRange, dayEnd, dayStart } from './range';
import { countsAsRevenue, netPaid, revenueCurrency } from './revenue';

/** An edition is "low" at this stock or below. */
export const LOW_STOCK_THRESHOLD = 3;
/** Rows shown per work queue (the totals count them all). */
const QUEUE_SIZE = 10;
const TOP_SIZE = 8;

export type DayPoint = { day: string; orders: number; revenueMinor: number };
export type TopProduct = { slug: string; title: string; units: number; revenueMinor: number };
export type TopFormat = { format: string; units: number; revenueMinor: number };
export type LowStockEdition = {
  editionId: number;
  sku: string;
  format: string;
  name: string | null;
  stock: number;
  productTitle: string;
  productSlug: string;
};
export type QueuedOrder = {
  number: string;
  email: string | null;
  totalMinor: number;
  currency: string;
  createdAt: Date;
  paidAt: Date | null;
  reviewReason: string | null;
};
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

const toDate = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const toDateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : toDate(value));
/** Totals of a windowed `count(*) over ()`, or 0 when the page is empty. */
const totalOf = (rows: { total: number | string }[]) => Number(rows[0]?.total ?? 0);

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

  const [series, byRevenue, byUnits, formats, lowStock, waiting, returns, review] = await Promise.all([
    queryRows<{ day: string; orders: number; revenue: number }>(
      db,
      sql`select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(p.orders, 0)::int as orders,
            coalesce(p.revenue, 0)::float8 as revenue
          from generate_series(${range.from}::date, ${range.to}::date, interval '1 day') as d(day)
          left join (
            select (o.paid_at at time zone 'UTC')::date as day, count(*) as orders, sum(${netPaid('o')}) as revenue
            from orders o where ${inRange}
            group by 1
          ) p on p.day = d.day::date
          order by d.day`,
    ),
    topProducts(db, inRange, 'revenue'),
    topProducts(db, inRange, 'units'),
    queryRows<{ format: string; units: number; revenue: number }>(
      db,
      sql`select l.format, sum(l.quantity)::int as units, sum(l.line_total_minor)::float8 as revenue
          from orders o join order_lines l on l.order_id = o.id
          where ${inRange}
          group by l.format
          order by revenue desc, units desc, l.format`,
    ),
    queryRows<LowStockEdition & { total: number }>(
      db,
      sql`select e.id as "editionId", e.sku, e.format::text as format, e.name, e.stock,
            p.title as "productTitle", p.slug as "productSlug", count(*) over ()::int as total
          from editions e join products p on p.id = e.product_id
          where e.status = 'active' and not e.digital and e.stock <= ${LOW_STOCK_THRESHOLD}
          order by e.stock, p.title, e.id
          limit ${QUEUE_SIZE}`,
    ),
    // Paid orders with something to put in a box (all-digital orders have nothing to ship).
    queuedOrders(
      db,
      sql`o.status = 'paid' and exists (select 1 from order_lines l where l.order_id = o.id and not l.digital)`,
    ),
    queryRows<{ id: number; status: 'requested' | 'approved'; orderNumber: string; createdAt: unknown; total: number }>(
      db,
      sql`select r.id, r.status, o.number as "orderNumber", r.created_at as "createdAt", count(*) over ()::int as total
          from returns r join orders o on o.id = r.order_id
          where r.status in ('requested', 'approved')
          order by r.created_at, r.id
          limit ${QUEUE_SIZE}`,
    ),
    queuedOrders(db, sql`o.status = 'needs_review'`),
  ]);

  const points = series.map((row) => ({
    day: row.day,
    orders: Number(row.orders),
    revenueMinor: Number(row.revenue),
  }));
  const orders = points.reduce((sum, point) => sum + point.orders, 0);
  const revenueMinor = points.reduce((sum, point) => sum + point.revenueMinor, 0);
  return {
    range,
    currency: revenueCurrency(),
    series: points,
    totals: { orders, revenueMinor, averageOrderMinor: orders > 0 ? Math.round(revenueMinor / orders) : null },
    topProductsByRevenue: byRevenue,
    topProductsByUnits: byUnits,
    topFormats: formats.map((row) => ({
      format: row.format,
      units: Number(row.units),
      revenueMinor: Number(row.revenue),
    })),
    lowStock: {
      items: lowStock.map(({ total: _total, ...row }) => ({ ...row, stock: Number(row.stock) })),
      total: totalOf(lowStock),
    },
    waitingToShip: waiting,
    openReturns: {
      items: returns.map(({ total: _total, ...row }) => ({ ...row, createdAt: toDate(row.createdAt) })),
      total: totalOf(returns),
    },
    needsReview: review,
  };
}

type Db = Awaited<ReturnType<typeof getDb>>;

async function topProducts(db: Db, inRange: SQL, by: 'revenue' | 'units'): Promise<TopProduct[]> {
  const order = by === 'revenue' ? sql`revenue desc, units desc` : sql`units desc, revenue desc`;
  // Lines keep the slug and title they were sold under; the latest title wins when it changed.
  const rows = await queryRows<{ slug: string; title: string; units: number; revenue: number }>(
    db,
    sql`select l.product_slug as slug, (array_agg(l.title order by o.paid_at desc))[1] as title,
          sum(l.quantity)::int as units, sum(l.line_total_minor)::float8 as revenue
        from orders o join order_lines l on l.order_id = o.id
        where ${inRange}
        group by l.product_slug
        order by ${order}, l.product_slug
        limit ${TOP_SIZE}`,
  );
  return rows.map((row) => ({
    slug: row.slug,
    title: row.title,
    units: Number(row.units),
    revenueMinor: Number(row.revenue),
  }));
}

/** Oldest first (the orders_status_created index), the first QUEUE_SIZE and how many in all. */
async function queuedOrders(db: Db, where: SQL): Promise<Queue<QueuedOrder>> {
  const rows = await queryRows<{
    number: string;
    email: string | null;
    totalMinor: number;
    currency: string;
    createdAt: unknown;
    paidAt: unknown;
    reviewReason: string | null;
    total: number;
  }>(
    db,
    sql`select o.number, o.email, o.total_minor as "totalMinor", o.currency, o.created_at as "createdAt",
          o.paid_at as "paidAt", o.review_reason as "reviewReason", count(*) over ()::int as total
        from orders o
        where ${where}
        order by o.created_at, o.id
        limit ${QUEUE_SIZE}`,
  );
  return {
    items: rows.map(({ total: _total, ...row }) => ({
      ...row,
      totalMinor: Number(row.totalMinor),
      createdAt: toDate(row.createdAt),
      paidAt: toDateOrNull(row.paidAt),
    })),
    total: totalOf(rows),
  };
}
