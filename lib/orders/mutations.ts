import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { users } from '@/lib/accounts/schema';
import { getCurrentUser } from '@/lib/auth/session';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { demoPaymentsEnabled, providerFor } from '@/lib/payments';
import {
  type Actor,
  applyPaymentSucceeded,
  cancelUnpaidOrder,
  lockOrder,
  orderMailData,
  recordOrderEvent,
} from './lifecycle';
import { releaseOrderStock } from './release-stock-sql';
import { lockOrderRentals, releaseOrderRentals } from './release-rentals-sql';
import { getOrderForViewer, type OrderView } from './queries';
import { claimPaidCancellation } from './cancel-paid-sql';
import { revokeOrderEntitlements } from './library-sql';
import { orders, refunds } from './schema';
import { customerNameFields, withCustomerName } from './sealed';
import { toLocale } from '@/lib/i18n/config';
import { must } from '@/lib/must';

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
      const [row] = await tx.select({ paymentRef: orders.paymentRef }).from(orders).where(eq(orders.id, order.id));
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
 * Cancels a paid, unshipped order with a full refund (also used by staff). The status change, the
 * stock and the reserved rental copies come first, in one transaction, and only once; then the
 * provider refund. An order with a rental already dispatched is not cancelled (cancel-paid-sql.ts).
 */
export async function cancelPaidOrder(
  orderId: number,
  actor: Actor,
  reason: 'customer' | 'admin',
): Promise<OrderActionResult> {
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    // The order row, then its rentals: the same order of locks as the desk's dispatch (no deadlock).
    if (!(await lockOrder(tx, { id: orderId }))) return null;
    if ((await lockOrderRentals(tx, orderId)).sent) return null;
    const order = await claimPaidCancellation(tx, orderId, reason);
    if (!order) return null;
    await releaseOrderStock(tx, order.id, 'cancel');
    await releaseOrderRentals(tx, order.id);
    await revokeOrderEntitlements(tx, order.id);
    const [refund] =
      order.amount > 0
        ? await tx
            .insert(refunds)
            .values({ orderId: order.id, amountMinor: order.amount, reason, actorUserId: actor.userId ?? null })
            .returning({ id: refunds.id })
        : [null];
    await recordOrderEvent(tx, order.id, 'cancelled', actor, { reason });
    await recordOrderEvent(tx, order.id, 'refunded', actor, { amountMinor: order.amount });
    const mailOrder = must(
      await tx
        .select({
          id: orders.id,
          number: orders.number,
          email: orders.email,
          currency: orders.currency,
          totalMinor: orders.totalMinor,
          shippingMinor: orders.shippingMinor,
          taxMinor: orders.taxMinor,
          locale: orders.locale,
          userId: orders.userId,
          ...customerNameFields,
        })
        .from(orders)
        .leftJoin(users, eq(users.id, orders.userId))
        .where(eq(orders.id, order.id))
        .then(([row]) => row && withCustomerName(row)),
      'the order just cancelled',
    );
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
    await db.update(refunds).set({ providerRef: result.refundRef }).where(eq(refunds.id, claimed.refundId));
  } catch (error) {
    console.error(`[encore] Refund of order ${orderId} failed:`, error);
    await db
      .update(orders)
      .set({ status: 'needs_review', reviewReason: 'refund failed at the payment provider', updatedAt: sql`now()` })
      .where(eq(orders.id, orderId));
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
