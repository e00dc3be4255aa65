import 'server-only';
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '@/db';
import type { DateRange } from './range';
import { netPaid } from './revenue';

// Raw SQL: the dashboard's report aggregates, which the query builder cannot say: a day series over
// `generate_series` left-joined to the days' sums, and the latest title of a product
// (`(array_agg(… order by …))[1]`) beside its sums. Each row type is declared once, here;
// tests/integration/admin-dashboard.test.ts reads every report from a real database.

export type DayPoint = { day: string; orders: number; revenueMinor: number };
export type TopProduct = { slug: string; title: string; units: number; revenueMinor: number };
export type TopFormat = { format: string; units: number; revenueMinor: number };

/** Revenue orders paid in the range, over `orders o` (see ./revenue.ts). */
export type InRange = SQL;

/** Orders and net revenue per UTC day of the range, every day present (zero when nothing was paid). */
export async function revenueSeries(db: Executor, range: DateRange, inRange: InRange): Promise<DayPoint[]> {
  return queryRows<DayPoint>(
    db,
    sql`select to_char(d.day, 'YYYY-MM-DD') as day, coalesce(p.orders, 0)::int as orders,
          coalesce(p.revenue, 0)::float8 as "revenueMinor"
        from generate_series(${range.from}::date, ${range.to}::date, interval '1 day') as d(day)
        left join (
          select (o.paid_at at time zone 'UTC')::date as day, count(*) as orders, sum(${netPaid('o')}) as revenue
          from orders o where ${inRange}
          group by 1
        ) p on p.day = d.day::date
        order by d.day`,
  );
}

/**
 * The best-selling products of the range by revenue or units, at most `limit`. Lines keep the slug
 * and title they were sold under; the latest title wins when it changed.
 */
export async function topProducts(
  db: Executor,
  inRange: InRange,
  by: 'revenue' | 'units',
  limit: number,
): Promise<TopProduct[]> {
  const order = by === 'revenue' ? sql`"revenueMinor" desc, units desc` : sql`units desc, "revenueMinor" desc`;
  return queryRows<TopProduct>(
    db,
    sql`select l.product_slug as slug, (array_agg(l.title order by o.paid_at desc))[1] as title,
          sum(l.quantity)::int as units, sum(l.line_total_minor)::float8 as "revenueMinor"
        from orders o join order_lines l on l.order_id = o.id
        where ${inRange}
        group by l.product_slug
        order by ${order}, l.product_slug
        limit ${limit}`,
  );
}

/** Units and line revenue per format in the range, best first. */
export async function topFormats(db: Executor, inRange: InRange): Promise<TopFormat[]> {
  return queryRows<TopFormat>(
    db,
    sql`select l.format, sum(l.quantity)::int as units, sum(l.line_total_minor)::float8 as "revenueMinor"
        from orders o join order_lines l on l.order_id = o.id
        where ${inRange}
        group by l.format
        order by "revenueMinor" desc, units desc, l.format`,
  );
}
