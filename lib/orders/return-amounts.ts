import { sql, type SQL } from 'drizzle-orm';

/**
 * What a received return may put back on the shelf and refund, from its own lines only.
 *
 * A return line's `acceptable` units are its quantity, capped by what its order line sold less what
 * other returns of that line already took back (received or refunded). New requests can never ask
 * for more (lib/orders/returns.ts checks under a lock); the cap keeps a request made before that
 * check existed from restocking or refunding units twice.
 */
export function acceptableUnitsSql(returnLine: string, orderLine: string): SQL {
  const rl = sql.raw(returnLine);
  const l = sql.raw(orderLine);
  return sql`greatest(0, least(${rl}.quantity, ${l}.quantity - coalesce((
      select sum(other.quantity) from return_lines other join returns r_other on r_other.id = other.return_id
      where other.order_line_id = ${l}.id and other.return_id <> ${rl}.return_id
        and r_other.status in ('received', 'refunded')), 0)))::int`;
}

/**
 * The refund field's default for a return: the value of its acceptable units, plus the tax charged
 * on them when tax was added on top of the prices (its share of the order's tax), never more than
 * what is left to refund. Shipping is not included: staff add it by hand when the store pays it back.
 */
export function suggestedReturnRefund(
  lines: { unitPriceMinor: number; acceptable: number }[],
  order: {
    subtotalMinor: number;
    shippingMinor: number;
    taxMinor: number;
    taxInclusive: boolean;
    refundableMinor: number;
  },
): number {
  const value = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.acceptable, 0);
  const taxable = order.subtotalMinor + order.shippingMinor;
  const tax = order.taxInclusive || taxable <= 0 ? 0 : Math.round((value * order.taxMinor) / taxable);
  return Math.max(0, Math.min(value + tax, order.refundableMinor));
}
