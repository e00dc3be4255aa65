import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows } from '@/db';
import { getCurrentUser } from '@/lib/auth/session';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { demoPaymentsEnabled, providerFor } from '@/lib/payments';
import {
  type Actor,
  applyPaymentSucceeded,
  cancelUnpaidOrder,
  orderMailData,
  recordOrderEvent,
  releaseOrderStock,
} from './lifecycle';
import { getOrderForViewer, type OrderView } from './queries';
import { type CustomerNameParts, customerNameColumns, withCustomerName } from './sealed';
import { toLocale } from '@/lib/i18n/config';

export type OrderActionResult = { ok: true } | { ok: false; error: string; fieldErrors?: Record<string, string> };

/** The order the current viewer may act on (own order, or holder of its key), or null. */
async function viewerOrder(number: string, key: string | null | undefined): Promise<OrderView | null> {
  return getOrderForViewer(number, key);
}

/**
 * The shopper cancels an order that has not shipped. Unpaid: it is cancelled and its stock goes
 * back. Paid: it is cancelled, its stock goes back, and the full amount is refunded through the
 * payment provider (with an idempotency key, so a retry refunds once). A refund the provider refuses
 * moves the order to needs_review for staff.
 */
export async function cancelOrderAsCustomer(
  number: string,
  key: string | null | undefined,
): Promise<OrderActionResult> {
  const order = await viewerOrder(number, key);
  if (!order) return { ok: false, error: 'orderNotFound' };
  if (!order.canCancel) return { ok: false, error: 'cannotCancel' };
  const user = await getCurrentUser();
  const actor: Actor = { kind: 'customer', userId: user?.id ?? null };
  const db = await getDb();
  if (order.status === 'pending_payment') {
    const ref = await db.transaction(async (tx) => {
      const [row] = await queryRows<{ paymentRef: string | null }>(
        tx,
        sql`select payment_ref as "paymentRef" from orders where id = ${order.id}`,
      );
      return (await cancelUnpaidOrder(tx, { orderId: order.id }, 'customer', actor)) ? row?.paymentRef : undefined;
    });
    sendMailSoon();
    if (ref === undefined) return { ok: false, error: 'cannotCancel' };
    if (ref)
      await (
        await providerFor(order.paymentProvider)
      )
        .cancelPayment(ref)
        .catch((e) => console.error('[encore] cancelPayment', e));
    return { ok: true };
  }
  return cancelPaidOrder(order.id, actor, 'customer');
}

/**
 * Cancels a paid, unshipped order with a full refund (also used by staff). The status change and
 * the stock come first, in one transaction, and only once; then the provider refund.
 */
export async function cancelPaidOrder(
  orderId: number,
  actor: Actor,
  reason: 'customer' | 'admin',
): Promise<OrderActionResult> {
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const [order] = await queryRows<{
      id: number;
      amount: number;
      paymentRef: string | null;
      paymentIntentRef: string | null;
      provider: 'stripe' | 'demo';
    }>(
      tx,
      // `before` is read before the update: the refund is what had not been refunded yet.
      sql`update orders o set status = 'cancelled', cancelled_at = now(), cancel_reason = ${reason}, stock_released = true,
          refunded_minor = o.total_minor, updated_at = now()
        from (select refunded_minor from orders where id = ${orderId}) before
        where o.id = ${orderId} and o.status = 'paid' and not o.stock_released
          and not exists (select 1 from shipments where order_id = ${orderId})
        returning o.id, o.total_minor - before.refunded_minor as amount, o.payment_ref as "paymentRef",
          o.payment_intent_ref as "paymentIntentRef", o.payment_provider as provider`,
    );
    if (!order) return null;
    await releaseOrderStock(tx, order.id, 'cancel');
    const [refund] =
      order.amount > 0
        ? await queryRows<{ id: number }>(
            tx,
            sql`insert into refunds (order_id, amount_minor, reason, actor_user_id)
              values (${order.id}, ${order.amount}, ${reason}, ${actor.userId ?? null}) returning id`,
          )
        : [null];
    await recordOrderEvent(tx, order.id, 'cancelled', actor, { reason });
    await recordOrderEvent(tx, order.id, 'refunded', actor, { amountMinor: order.amount });
    const [mailOrder] = await queryRows<Omit<Parameters<typeof orderMailData>[1], 'name'> & CustomerNameParts>(
      tx,
      sql`select o.id, o.number, o.status, o.email, o.currency, o.total_minor as "totalMinor", o.shipping_minor as "shippingMinor",
          o.tax_minor as "taxMinor", o.locale, o.user_id as "userId", ${customerNameColumns}
        from orders o left join users u on u.id = o.user_id where o.id = ${order.id}`,
    ).then((rows) => rows.map(withCustomerName));
    if (mailOrder.email) {
      await enqueueMail(tx, {
        to: mailOrder.email,
        locale: toLocale(mailOrder.locale),
        template: 'orderCancelled',
        data: { ...(await orderMailData(tx, mailOrder)), refundedMinor: order.amount, reason },
        dedupeKey: `order-cancelled:${order.id}`,
        userId: mailOrder.userId ?? undefined,
      });
    }
    return { ...order, refundId: refund?.id ?? null };
  });
  if (!claimed) return { ok: false, error: 'cannotCancel' };
  sendMailSoon();
  if (claimed.refundId === null) return { ok: true };
  try {
    const provider = await providerFor(claimed.provider);
    const result = await provider.refund({
      paymentRef: claimed.paymentRef ?? '',
      paymentIntentRef: claimed.paymentIntentRef,
      amountMinor: claimed.amount,
      idempotencyKey: `refund-${claimed.refundId}`,
    });
    await db.execute(sql`update refunds set provider_ref = ${result.refundRef} where id = ${claimed.refundId}`);
  } catch (error) {
    console.error(`[encore] Refund of order ${orderId} failed:`, error);
    await db.execute(sql`update orders set status = 'needs_review', review_reason = 'refund failed at the payment provider', updated_at = now()
      where id = ${orderId}`);
    await recordOrderEvent(db, orderId, 'needs_review', { kind: 'system' }, { reason: 'refund failed' });
  }
  return { ok: true };
}

/**
 * The demo provider's "Pay" button: the same fulfil function the Stripe webhook uses, with the
 * order's own amount (the demo provider has nothing else to report). Refused whenever demo payments
 * are off (`demoPaymentsEnabled`): once Stripe is configured, an order placed under the demo provider
 * can no longer be marked paid with a button.
 */
export async function payDemoOrder(number: string, key: string | null | undefined): Promise<OrderActionResult> {
  const order = await viewerOrder(number, key);
  if (!order || order.paymentProvider !== 'demo') return { ok: false, error: 'orderNotFound' };
  if (!demoPaymentsEnabled()) return { ok: false, error: 'cannotPay' };
  if (!order.canPay) return { ok: false, error: 'cannotPay' };
  const db = await getDb();
  const outcome = await db.transaction((tx) =>
    applyPaymentSucceeded(tx, {
      orderId: order.id,
      amountMinor: order.totalMinor,
      currency: order.currency,
      provider: 'demo',
    }),
  );
  sendMailSoon();
  return outcome === 'paid' || outcome === 'already_paid' ? { ok: true } : { ok: false, error: 'cannotPay' };
}

/** The demo provider's "Decline" button: the payment failed, so the order is cancelled and its stock returns. */
export async function declineDemoOrder(number: string, key: string | null | undefined): Promise<OrderActionResult> {
  const order = await viewerOrder(number, key);
  if (!order || order.paymentProvider !== 'demo') return { ok: false, error: 'orderNotFound' };
  const db = await getDb();
  const cancelled = await db.transaction((tx) =>
    cancelUnpaidOrder(tx, { orderId: order.id }, 'payment_failed', { kind: 'provider' }),
  );
  sendMailSoon();
  return cancelled ? { ok: true } : { ok: false, error: 'cannotPay' };
}
