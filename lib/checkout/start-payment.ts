import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { orderUrl } from '@/lib/orders/access';
import { getPaymentProvider } from '@/lib/payments';
import { toLocale } from '@/lib/i18n/config';

/** The order's page with its key, as a path (where the shopper lands when there is no payment page). */
export function orderPath(id: number, number: string): string {
  const url = new URL(orderUrl(id, number));
  return `${url.pathname}${url.search}`;
}

/**
 * Asks the provider for a payment page for an unpaid order and remembers it. Used right after
 * placing the order and by "Pay now" on the order page. A provider failure leaves the order
 * pending (it expires and gives its stock back if never paid) and sends the shopper to the order.
 */
export async function startPayment(orderId: number): Promise<string> {
  const db = await getDb();
  const [order] = await queryRows<{
    id: number;
    number: string;
    email: string;
    currency: string;
    locale: string;
    shippingMinor: number;
    taxMinor: number;
    taxInclusive: boolean;
    totalMinor: number;
    expiresAt: Date;
    paymentUrl: string | null;
    status: string;
  }>(
    db,
    sql`select id, number, email, currency, locale, shipping_minor as "shippingMinor", tax_minor as "taxMinor",
        tax_inclusive as "taxInclusive", total_minor as "totalMinor", expires_at as "expiresAt",
        payment_url as "paymentUrl", status
      from orders where id = ${orderId}`,
  );
  const fallback = orderPath(order.id, order.number);
  if (order.status !== 'pending_payment') return fallback;
  if (order.paymentUrl) return order.paymentUrl;
  const lines = await queryRows<{ title: string; format: string; unitPriceMinor: number; quantity: number }>(
    db,
    sql`select title, format, unit_price_minor as "unitPriceMinor", quantity from order_lines where order_id = ${order.id} order by id`,
  );
  try {
    const provider = await getPaymentProvider();
    const returnUrl = orderUrl(order.id, order.number);
    const payment = await provider.startPayment({
      id: order.id,
      number: order.number,
      email: order.email,
      currency: order.currency,
      locale: toLocale(order.locale),
      lines,
      shippingMinor: order.shippingMinor,
      addedTaxMinor: order.taxInclusive ? 0 : order.taxMinor,
      totalMinor: order.totalMinor,
      returnUrl,
      cancelUrl: returnUrl,
      expiresAt: new Date(order.expiresAt),
    });
    await db.execute(sql`update orders set payment_ref = ${payment.paymentRef}, payment_url = ${payment.redirectUrl}, updated_at = now()
      where id = ${order.id} and payment_ref is null`);
    return payment.redirectUrl;
  } catch (error) {
    console.error(`[encore] Could not start the payment of order ${order.number}:`, error);
    return fallback;
  }
}
