import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import Stripe from 'stripe';
import { getDb, type Transaction } from '@/db';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http/errors';
import { paymentEvents } from '@/lib/payments/schema';
import { sendMailSoon } from '@/lib/mail/mutations';
import { applyPaymentSucceeded, cancelUnpaidOrder, recordOrderEvent } from '@/lib/orders/lifecycle';
import { orders } from '@/lib/orders/schema';

/**
 * Applies Stripe webhook events to orders. The event is verified on the raw body (any re-encoding
 * breaks the signature); its id is recorded in payment_events in the same transaction that applies
 * it, so a redelivered event — even several copies at once — is applied once. Every transition is
 * conditional on the order's current status, so events arriving out of order are harmless.
 */

/** How long an order waits for an asynchronous payment method (bank transfer and the like). */
const ASYNC_PAYMENT_DAYS = 3;

export type StripeEventOutcome =
  | 'paid'
  | 'already_paid'
  | 'needs_review'
  | 'awaiting_payment'
  | 'cancelled'
  | 'unchanged'
  | 'unknown_session'
  | 'ignored';

const badRequest = (message: string) => HttpError.of('invalidRequest', message);

function paymentIntentId(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent;
  return typeof intent === 'string' ? intent : (intent?.id ?? null);
}

/** The order a Stripe Checkout Session was created for (its payment_ref). */
export const ofStripeSession = (sessionId: string) =>
  and(eq(orders.paymentRef, sessionId), eq(orders.paymentProvider, 'stripe'));

async function orderExists(tx: Transaction, sessionId: string): Promise<boolean> {
  const rows = await tx.select({ id: orders.id }).from(orders).where(ofStripeSession(sessionId));
  return rows.length > 0;
}

async function applyPaid(tx: Transaction, session: Stripe.Checkout.Session): Promise<StripeEventOutcome> {
  const outcome = await applyPaymentSucceeded(tx, {
    paymentRef: session.id,
    paymentIntentRef: paymentIntentId(session),
    // Never null in payment mode; if it ever were, the mismatch sends the order to a person.
    amountMinor: session.amount_total ?? -1,
    currency: session.currency ?? '',
    provider: 'stripe',
  });
  return outcome === 'not_found' ? 'unknown_session' : outcome;
}

/**
 * Checkout completed but an asynchronous method is still settling: the order stays pending, and its
 * deadline moves out so that the expiry sweeper does not cancel an order that is being paid.
 */
async function awaitPayment(tx: Transaction, session: Stripe.Checkout.Session): Promise<StripeEventOutcome> {
  const [order] = await tx
    .update(orders)
    .set({
      expiresAt: sql`greatest(${orders.expiresAt}, now() + make_interval(days => ${ASYNC_PAYMENT_DAYS}))`,
      paymentIntentRef: sql`coalesce(${paymentIntentId(session)}, ${orders.paymentIntentRef})`,
      updatedAt: sql`now()`,
    })
    .where(and(ofStripeSession(session.id), eq(orders.status, 'pending_payment')))
    .returning({ id: orders.id });
  if (!order) return 'unchanged';
  await recordOrderEvent(tx, order.id, 'awaiting_payment', { kind: 'provider' }, { provider: 'stripe' });
  return 'awaiting_payment';
}

async function cancel(
  tx: Transaction,
  session: Stripe.Checkout.Session,
  reason: 'expired' | 'payment_failed',
): Promise<StripeEventOutcome> {
  return (await cancelUnpaidOrder(tx, { paymentRef: session.id }, reason, { kind: 'provider' }))
    ? 'cancelled'
    : 'unchanged';
}

/** The Checkout Session an event is about, for the event types this store acts on. */
function checkoutSessionOf(event: Stripe.Event): Stripe.Checkout.Session | null {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded':
    case 'checkout.session.async_payment_failed':
    case 'checkout.session.expired':
      return event.data.object;
    default:
      return null;
  }
}

/** Applies one verified event inside the caller's transaction (which already recorded its id). */
async function applyEvent(tx: Transaction, event: Stripe.Event): Promise<StripeEventOutcome> {
  const session = checkoutSessionOf(event);
  if (!session || session.mode !== 'payment') return 'ignored';
  if (!(await orderExists(tx, session.id))) return 'unknown_session';
  switch (event.type) {
    case 'checkout.session.completed':
      if (session.payment_status === 'paid' || session.payment_status === 'no_payment_required') {
        return applyPaid(tx, session);
      }
      return session.payment_status === 'unpaid' ? awaitPayment(tx, session) : 'ignored';
    case 'checkout.session.async_payment_succeeded':
      return applyPaid(tx, session);
    case 'checkout.session.async_payment_failed':
      return cancel(tx, session, 'payment_failed');
    case 'checkout.session.expired':
      return cancel(tx, session, 'expired');
    default:
      return 'ignored';
  }
}

/**
 * POST /api/webhooks/stripe. Answers 400 for anything that is not a correctly signed, fresh event
 * (missing or forged signature, a timestamp outside Stripe's five-minute tolerance, a body that was
 * re-serialized, or no STRIPE_WEBHOOK_SECRET configured — Stripe retries, so events wait for the
 * configuration); 200 once an event is applied or was applied before; 500 only when the database
 * fails, so that Stripe delivers the event again.
 */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<Response> {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    console.error('[encore] Stripe webhook received but STRIPE_WEBHOOK_SECRET is not set');
    throw badRequest('webhook signing secret not configured');
  }
  if (!signature) throw badRequest('missing Stripe-Signature header');

  let event: Stripe.Event;
  try {
    // The static helper needs no API key: only the signing secret is involved.
    event = Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw badRequest('invalid signature or payload');
  }

  let result: { duplicate: boolean; outcome?: StripeEventOutcome };
  try {
    const db = await getDb();
    result = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(paymentEvents)
        .values({ eventId: event.id, provider: 'stripe', type: event.type })
        .onConflictDoNothing({ target: paymentEvents.eventId })
        .returning({ eventId: paymentEvents.eventId });
      // A concurrent copy of this event waits on the key above until the first commits, then lands here.
      if (inserted.length === 0) return { duplicate: true };
      return { duplicate: false, outcome: await applyEvent(tx, event) };
    });
  } catch (error) {
    // Answered 500 (and logged with a request id) by the route: Stripe retries.
    throw new Error(`Stripe event ${event.id} (${event.type}) could not be applied`, { cause: error });
  }
  if (result.outcome === 'unknown_session') {
    console.warn(`[encore] Stripe event ${event.id} (${event.type}) is for a session with no order; ignored`);
  }
  sendMailSoon();
  return Response.json({ received: true, ...result });
}
