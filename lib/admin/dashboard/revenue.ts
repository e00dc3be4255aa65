import { type SQL, sql } from 'drizzle-orm';
import { env } from '@/lib/env';

/**
 * What the back office counts as revenue, in one place so the dashboard and a customer's lifetime
 * value agree:
 *
 * - an order counts once it is paid and stays paid: status `paid`, `shipped` or `delivered`
 *   (`pending_payment`, `cancelled`, `needs_review` and fully `refunded` orders do not count);
 * - it counts net of refunds: `total_minor - refunded_minor`, so a partly refunded order adds only
 *   what the store kept (shipping and tax included, as charged);
 * - it is dated by `paid_at`, in UTC days; a later partial refund lowers the day the order was
 *   paid, not the day of the refund;
 * - only orders in the store currency (`STORE_CURRENCY`) are summed: amounts in different
 *   currencies cannot be added up.
 *
 * Product and format figures come from the order lines of the same orders: units are line
 * quantities, revenue is the lines' totals as sold (before order-level refunds, shipping and tax).
 */
export const REVENUE_STATUSES = ['paid', 'shipped', 'delivered'] as const;

/** The predicate above for an orders alias (`o` by default). */
export function countsAsRevenue(alias = 'o'): SQL {
  const o = sql.raw(alias);
  return sql`${o}.status in ('paid', 'shipped', 'delivered') and ${o}.currency = ${env.STORE_CURRENCY}`;
}

/** An order's net paid amount, in minor units. */
export function netPaid(alias = 'o'): SQL {
  const o = sql.raw(alias);
  return sql`(${o}.total_minor - ${o}.refunded_minor)`;
}

/** The store currency every revenue figure is in. */
export function revenueCurrency(): string {
  return env.STORE_CURRENCY;
}
