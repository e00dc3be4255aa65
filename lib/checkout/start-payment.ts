import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb, pick } from '@/db';
import { must } from '@/lib/must';
import { orderLines, orders } from '@/lib/orders/schema';
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
  const [found] = await db
    .select({
      id: orders.id,
      number: orders.number,
      email: orders.email,
      currency: orders.currency,
      locale: orders.locale,
      shippingMinor: orders.shippingMinor,
      taxMinor: orders.taxMinor,
      taxInclusive: orders.taxInclusive,
      totalMinor: orders.totalMinor,
      expiresAt: orders.expiresAt,
      paymentUrl: orders.paymentUrl,
      status: orders.status,
    })
    .from(orders)
    .where(eq(orders.id, orderId));
  // Called with the id of an order just placed, or one the shopper's page showed.
  const order = must(found, `order ${orderId}`);
  const fallback = orderPath(order.id, order.number);
  if (order.status !== 'pending_payment') return fallback;
  if (order.paymentUrl) return order.paymentUrl;
  const lines = await db
    .select(pick(orderLines, 'title format unitPriceMinor quantity rentalPeriodDays rentalDepositMinor'))
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id));
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
    await db
      .update(orders)
      .set({ paymentRef: payment.paymentRef, paymentUrl: payment.redirectUrl, updatedAt: sql`now()` })
      .where(and(eq(orders.id, order.id), isNull(orders.paymentRef)));
    return payment.redirectUrl;
  } catch (error) {
    console.error(`[encore] Could not start the payment of order ${order.number}:`, error);
    return fallback;
  }
}
