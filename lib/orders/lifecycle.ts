import 'server-only';
import { and, asc, eq, lt, sql } from 'drizzle-orm';
import { type Executor, getDb, pick, type Transaction } from '@/db';
import { users } from '@/lib/accounts/schema';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks, type WithSecretLinks } from '@/lib/mail/secret-links';
import type { OrderMailData } from '@/lib/mail/templates';
import { orderEvents, orderLines, orders } from './schema';
import { customerNameFields, withCustomerName } from './sealed';
import { releaseOrderStock } from './release-stock-sql';
import { releaseOrderRentals } from './release-rentals-sql';
import { grantOrderEntitlements } from './library-sql';
import { toLocale } from '@/lib/i18n/config';

/**
 * The order state machine's money-side transitions, shared by every payment provider:
 * - applyPaymentSucceeded: pending_payment → paid (the one fulfil function), or needs_review;
 * - cancelUnpaidOrder: pending_payment → cancelled, giving the stock and rental copies back exactly once;
 * - expireUnpaidOrders: the sweeper that cancels orders whose payment window passed.
 * Each transition is a conditional UPDATE on the current status, so running it twice, or on two
 * instances at once, changes the order once.
 */

export type Actor = { kind: 'customer' | 'admin' | 'system' | 'provider'; userId?: number | null };

/** An entry on the order's timeline, which the shopper sees too. */
export async function recordOrderEvent(
  executor: Executor,
  orderId: number,
  type: string,
  actor: Actor,
  data: Record<string, unknown> = {},
  internal = false,
): Promise<void> {
  await executor
    .insert(orderEvents)
    .values({ orderId, type, actor: actor.kind, actorUserId: actor.userId ?? null, internal, data });
}

/** A staff-only timeline entry (never shown to the shopper). */
export async function recordInternalEvent(
  executor: Executor,
  orderId: number,
  type: string,
  actor: Actor,
  data: Record<string, unknown> = {},
): Promise<void> {
  await recordOrderEvent(executor, orderId, type, actor, data, true);
}

/** An order locked for the rest of the transaction, with what its mails, audits and checks need. */
export type LockedOrder = Pick<
  typeof orders.$inferSelect,
  | 'id'
  | 'number'
  | 'status'
  | 'email'
  | 'currency'
  | 'totalMinor'
  | 'refundedMinor'
  | 'shippingMinor'
  | 'taxMinor'
  | 'locale'
  | 'userId'
  | 'stockReleased'
  | 'paidAt'
  | 'cancelledAt'
> & { name: string | null };

/** Locks an order (FOR UPDATE) by id or by its payment reference, for the rest of the transaction. */
export async function lockOrder(
  tx: Transaction,
  where: { id?: number; paymentRef?: string },
): Promise<LockedOrder | null> {
  const condition = where.id !== undefined ? eq(orders.id, where.id) : eq(orders.paymentRef, where.paymentRef ?? '');
  const [row] = await tx
    .select({
      ...pick(orders, 'id number status email currency totalMinor refundedMinor shippingMinor taxMinor locale userId'),
      ...customerNameFields,
      ...pick(orders, 'stockReleased paidAt cancelledAt'),
    })
    .from(orders)
    .leftJoin(users, eq(users.id, orders.userId))
    .where(condition)
    .for('update', { of: orders });
  return row ? withCustomerName(row) : null;
}

/**
 * What order mails need, read inside the transaction that sends them. The order link is a secret link
 * (its access key is made when the mail is sent, never stored in the outbox).
 */
export async function orderMailData(
  tx: Executor,
  order: Pick<LockedOrder, 'id' | 'number' | 'name' | 'currency' | 'shippingMinor' | 'taxMinor' | 'totalMinor'>,
): Promise<WithSecretLinks<OrderMailData>> {
  const lines = await tx
    .select(pick(orderLines, 'title format quantity lineTotalMinor rentalPeriodDays rentalDepositMinor'))
    .from(orderLines)
    .where(eq(orderLines.orderId, order.id))
    .orderBy(asc(orderLines.id));
  return {
    name: order.name ?? '',
    number: order.number,
    orderUrl: secretLinks.order(order.id, order.number),
    currency: order.currency,
    lines: lines.map(({ rentalDepositMinor: _deposit, ...line }) => line),
    depositMinor: lines.reduce((sum, line) => sum + (line.rentalDepositMinor ?? 0), 0),
    shippingMinor: order.shippingMinor,
    taxMinor: order.taxMinor,
    totalMinor: order.totalMinor,
  };
}

export type PaymentOutcome = 'paid' | 'already_paid' | 'needs_review' | 'not_found';

/**
 * The one fulfil function: a provider reports that an order's payment succeeded. Marks the order
 * paid and queues the confirmation mail (once: the mail has a dedupe key) — or, when the amount or
 * currency differs from the order, or the order was already cancelled (its stock released), moves
 * it to needs_review for a person to decide. Idempotent; runs in the caller's transaction so that a
 * webhook can record the event id in the same one.
 */
export async function applyPaymentSucceeded(
  tx: Transaction,
  input: {
    orderId?: number;
    paymentRef?: string;
    paymentIntentRef?: string | null;
    amountMinor: number;
    currency: string;
    provider: 'stripe' | 'demo';
  },
): Promise<PaymentOutcome> {
  const order = await lockOrder(tx, { id: input.orderId, paymentRef: input.paymentRef });
  if (!order) return 'not_found';
  if (['paid', 'shipped', 'delivered', 'refunded'].includes(order.status)) return 'already_paid';
  if (order.status === 'needs_review') return 'needs_review';
  // The provider's payment intent, once it names one; an order keeps the one it had otherwise.
  const keptIntent = sql`coalesce(${input.paymentIntentRef ?? null}, ${orders.paymentIntentRef})`;
  const mismatch =
    input.amountMinor !== order.totalMinor || input.currency.toUpperCase() !== order.currency.toUpperCase();
  if (mismatch || order.status === 'cancelled') {
    const reason = mismatch
      ? `paid ${input.amountMinor} ${input.currency.toUpperCase()}, expected ${order.totalMinor} ${order.currency}`
      : 'paid after the order was cancelled';
    await tx
      .update(orders)
      .set({ status: 'needs_review', reviewReason: reason, paymentIntentRef: keptIntent, updatedAt: sql`now()` })
      .where(eq(orders.id, order.id));
    await recordOrderEvent(tx, order.id, 'needs_review', { kind: 'provider' }, { reason, provider: input.provider });
    return 'needs_review';
  }
  await tx
    .update(orders)
    .set({ status: 'paid', paidAt: sql`now()`, paymentIntentRef: keptIntent, updatedAt: sql`now()` })
    .where(and(eq(orders.id, order.id), eq(orders.status, 'pending_payment')));
  await recordOrderEvent(
    tx,
    order.id,
    'paid',
    { kind: 'provider' },
    { provider: input.provider, amountMinor: input.amountMinor },
  );
  await confirmPaidOrder(tx, order);
  return 'paid';
}

/**
 * What follows an order becoming paid, however it got there (the provider's report, or staff
 * resolving a review): the confirmation mail (once: it has a dedupe key), the purchase signals
 * for recommendations and the entitlements of its digital lines (lib/library). In the caller's transaction.
 */
export async function confirmPaidOrder(tx: Transaction, order: LockedOrder): Promise<void> {
  if (order.email) {
    await enqueueMail(tx, {
      to: order.email,
      locale: toLocale(order.locale),
      template: 'orderConfirmation',
      data: await orderMailData(tx, order),
      dedupeKey: `order-paid:${order.id}`,
      userId: order.userId ?? undefined,
    });
  }
  const { recordPurchaseSignals } = await import('./purchase-signals-sql');
  await recordPurchaseSignals(tx, order.id);
  // The digital lines and bundled downloads go into the shopper's library (once per line).
  await grantOrderEntitlements(tx, order.id);
}

/**
 * Cancels an order that has not been paid (expired, payment failed, cancelled by the shopper or an
 * admin): the status moves from pending_payment once, and only then do the stock and the reserved
 * rental copies go back.
 */
export async function cancelUnpaidOrder(
  tx: Transaction,
  where: { orderId?: number; paymentRef?: string },
  reason: 'expired' | 'payment_failed' | 'customer' | 'admin',
  actor: Actor,
): Promise<boolean> {
  const order = await lockOrder(tx, { id: where.orderId, paymentRef: where.paymentRef });
  if (!order || order.status !== 'pending_payment') return false;
  const [updated] = await tx
    .update(orders)
    .set({
      status: 'cancelled',
      cancelledAt: sql`now()`,
      cancelReason: reason,
      stockReleased: true,
      updatedAt: sql`now()`,
    })
    .where(and(eq(orders.id, order.id), eq(orders.status, 'pending_payment'), eq(orders.stockReleased, false)))
    .returning({ id: orders.id });
  if (!updated) return false;
  await releaseOrderStock(tx, order.id, reason === 'expired' ? 'expired' : 'cancel');
  await releaseOrderRentals(tx, order.id);
  await recordOrderEvent(tx, order.id, reason === 'expired' ? 'expired' : 'cancelled', actor, { reason });
  if (order.email && reason !== 'expired') {
    await enqueueMail(tx, {
      to: order.email,
      locale: toLocale(order.locale),
      template: 'orderCancelled',
      data: { ...(await orderMailData(tx, order)), refundedMinor: 0, reason },
      dedupeKey: `order-cancelled:${order.id}`,
      userId: order.userId ?? undefined,
    });
  }
  return true;
}

/**
 * Cancels unpaid orders whose payment window has passed, giving their stock back. Safe to run on
 * several instances at once: each order is claimed with SKIP LOCKED and moves state only once.
 */
export async function expireUnpaidOrders({ limit = 100 } = {}): Promise<{ expired: number; paymentRefs: string[] }> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: orders.id, paymentRef: orders.paymentRef, provider: orders.paymentProvider })
      .from(orders)
      .where(and(eq(orders.status, 'pending_payment'), lt(orders.expiresAt, sql`now()`)))
      .orderBy(asc(orders.expiresAt))
      .limit(limit)
      .for('update', { skipLocked: true });
    const refs: { ref: string; provider: 'stripe' | 'demo' }[] = [];
    for (const order of due) {
      if (await cancelUnpaidOrder(tx, { orderId: order.id }, 'expired', { kind: 'system' })) {
        if (order.paymentRef) refs.push({ ref: order.paymentRef, provider: order.provider });
      }
    }
    return refs;
  });
  sendMailSoon();
  // After commit: stop the provider from taking a payment for an order that no longer exists.
  const { providerFor } = await import('@/lib/payments');
  for (const { ref, provider } of result) {
    await (
      await providerFor(provider)
    )
      .cancelPayment(ref)
      .catch((error) => console.error('[encore] cancelPayment', error));
  }
  return { expired: result.length, paymentRefs: result.map((r) => r.ref) };
}
