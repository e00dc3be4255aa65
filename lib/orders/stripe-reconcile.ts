import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { getDb } from '@/db';
import { sendMailSoon } from '@/lib/mail/mutations';
import { applyPaymentSucceeded, type PaymentOutcome, recordOrderEvent } from '@/lib/orders/lifecycle';
import { orders } from '@/lib/orders/schema';
import { ofStripeSession } from '@/lib/orders/stripe-webhook';
import { stripeClient } from '@/lib/payments/stripe';

/**
 * The safety net under the Stripe webhook: asks Stripe which Checkout Sessions were paid and fulfils
 * every order among them that is not paid yet (an endpoint that was down for longer than Stripe's
 * retries, a misconfigured signing secret, a lost event).
 */

export type ReconcileResult = {
  /** Sessions listed: complete, created in the window. */
  checked: number;
  /** Of those, paid sessions whose order was not paid (or not found) here. */
  unmatched: number;
  fulfilled: number;
  needsReview: number;
  /** Paid sessions with no order in this database (another environment on the same account, say). */
  notFound: number;
};

const orderMatch = { id: orders.id, status: orders.status };
type OrderMatch = { id: number; status: (typeof orders.$inferSelect)['status'] };

/**
 * The order a session paid for: the one whose payment_ref is the session, else — when storing the
 * reference failed after the session was created — the order named in the metadata, if it has no
 * reference yet and its number and email agree with the session (so that a session of another
 * database sharing the Stripe account, with colliding ids, never matches).
 */
async function findOrder(session: Stripe.Checkout.Session): Promise<OrderMatch | null> {
  const db = await getDb();
  const [byRef] = await db.select(orderMatch).from(orders).where(ofStripeSession(session.id));
  if (byRef) return byRef;
  const orderId = Number(session.metadata?.orderId);
  if (!Number.isSafeInteger(orderId) || orderId <= 0) return null;
  const email = session.customer_email ?? session.customer_details?.email ?? '';
  const [byMetadata] = await db
    .select(orderMatch)
    .from(orders)
    .where(
      and(
        eq(orders.id, orderId),
        eq(orders.number, session.metadata?.orderNumber ?? ''),
        eq(orders.paymentProvider, 'stripe'),
        isNull(orders.paymentRef),
        sql`lower(${orders.email}) = lower(${email})`,
      ),
    );
  return byMetadata ?? null;
}

/**
 * Lists the Checkout Sessions created in the last `days` days (all pages) and, for each complete and
 * paid one whose order is still unpaid, runs the fulfil function (applyPaymentSucceeded) in its own
 * transaction: the order becomes paid and its confirmation mail is queued, or it goes to needs_review
 * when the amount differs or it was cancelled meanwhile. Safe to run on several instances at once and
 * repeatedly: the transition is conditional on the order's status, so each order changes once.
 * Requires STRIPE_SECRET_KEY. `sendMail: false` leaves delivery to the caller (the CLI delivers and
 * waits before it exits).
 */
export async function reconcileStripePayments({
  days = 3,
  sendMail = true,
}: { days?: number; sendMail?: boolean } = {}): Promise<ReconcileResult> {
  const result: ReconcileResult = { checked: 0, unmatched: 0, fulfilled: 0, needsReview: 0, notFound: 0 };
  const since = Math.floor(Date.now() / 1000) - Math.round(days * 24 * 60 * 60);
  const db = await getDb();
  const sessions = stripeClient().checkout.sessions.list({ created: { gte: since }, status: 'complete', limit: 100 });
  for await (const session of sessions) {
    result.checked += 1;
    if (session.mode !== 'payment' || session.status !== 'complete' || session.payment_status !== 'paid') continue;
    const order = await findOrder(session);
    // Paid, shipped, refunded, or already waiting for a person: nothing to do, and no lock taken.
    if (order && order.status !== 'pending_payment' && order.status !== 'cancelled') continue;
    result.unmatched += 1;
    if (!order) {
      result.notFound += 1;
      continue;
    }
    const outcome: PaymentOutcome = await db.transaction(async (tx) => {
      // Only claims a reference that is still empty (the metadata match); a no-op for the usual case.
      await tx
        .update(orders)
        .set({ paymentRef: session.id })
        .where(and(eq(orders.id, order.id), isNull(orders.paymentRef)));
      const applied = await applyPaymentSucceeded(tx, {
        orderId: order.id,
        paymentIntentRef: typeof session.payment_intent === 'string' ? session.payment_intent : null,
        amountMinor: session.amount_total ?? -1,
        currency: session.currency ?? '',
        provider: 'stripe',
      });
      if (applied === 'paid' || applied === 'needs_review') {
        await recordOrderEvent(
          tx,
          order.id,
          'reconciled',
          { kind: 'system' },
          { session: session.id, outcome: applied },
        );
      }
      return applied;
    });
    if (outcome === 'paid') result.fulfilled += 1;
    else if (outcome === 'needs_review') result.needsReview += 1;
    if (outcome === 'paid' || outcome === 'needs_review') {
      console.info(`[encore] reconcile: Stripe session ${session.id} → order ${order.id} ${outcome}`);
    }
  }
  if (sendMail && result.fulfilled > 0) sendMailSoon();
  return result;
}
