import 'server-only';
import Stripe from 'stripe';
import { env } from '@/lib/env';
import { MESSAGES } from '@/lib/i18n/messages';
import type { OrderForPayment, PaymentProvider, PaymentStart } from './provider';
import { formatLabel } from '@/lib/catalog/format-label';
import { createTranslator } from 'use-intl/core';

/**
 * The Stripe provider: a hosted Checkout Session per order, refunds through the Refunds API.
 * Stripe tells us the outcome through the webhook (lib/orders/stripe-webhook.ts), never the browser.
 */

let client: Stripe | undefined;

/**
 * The Stripe SDK client, created once from STRIPE_SECRET_KEY. With STRIPE_API_BASE (tests only) the
 * SDK talks to that address instead of api.stripe.com. The API version is pinned to the one the SDK's
 * types describe, so an account-level upgrade in the dashboard cannot change the shapes we read.
 * Throws when no secret key is configured (the demo provider is used then, so this is a caller bug).
 */
export function stripeClient(): Stripe {
  if (client) return client;
  if (!env.STRIPE_SECRET_KEY) throw new Error('stripeClient: STRIPE_SECRET_KEY is not set');
  const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
  client = new Stripe(env.STRIPE_SECRET_KEY, {
    apiVersion: Stripe.API_VERSION,
    // Every POST we make carries an idempotency key, so a retry after a dropped connection is safe.
    maxNetworkRetries: 2,
    timeout: 20_000,
    ...(base && {
      protocol: base.protocol === 'http:' ? 'http' : 'https',
      host: base.hostname,
      port: base.port || (base.protocol === 'http:' ? 80 : 443),
    }),
  });
  return client;
}

/** Forgets the cached client, so that a test can point the next one at another address or key. */
export function resetStripeClientForTests(): void {
  client = undefined;
}

// Stripe requires expires_at between 30 minutes and 24 hours after the session is created. The margins
// absorb clock skew and request latency between our clock and Stripe's.
const MIN_SESSION_MS = 31 * 60_000;
const MAX_SESSION_MS = 24 * 60 * 60_000 - 5 * 60_000;

/** The session's expiry in Unix seconds: the order's deadline, moved into the window Stripe accepts. */
export function sessionExpiresAt(deadline: Date, now = Date.now()): number {
  const clamped = Math.min(Math.max(deadline.getTime(), now + MIN_SESSION_MS), now + MAX_SESSION_MS);
  return Math.floor(clamped / 1000);
}

/** `{CHECKOUT_SESSION_ID}` stays literal: Stripe substitutes it when it redirects the shopper back. */
function withSessionId(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}session_id={CHECKOUT_SESSION_ID}`;
}

/**
 * The Checkout Session parameters for an order, priced only from the order (whose prices the checkout
 * froze from the database). Shipping is a fixed-amount shipping option rather than a line item, so
 * Stripe's page, receipt and `total_details.amount_shipping` show it as shipping; exclusive tax is a
 * line item named "Tax" (Stripe Tax is not used: the store computes its own tax), and each rental's
 * deposit a line item after its fee (the deposit is part of the total). Throws when the
 * items do not add up to the order's total, so a shopper is never charged a different amount.
 */
export function checkoutSessionParams(order: OrderForPayment): Stripe.Checkout.SessionCreateParams {
  const currency = order.currency.toLowerCase();
  const mail = MESSAGES[order.locale].mail.order;
  const t = createTranslator({
    locale: order.locale,
    messages: MESSAGES[order.locale],
    namespace: 'mail.order',
    timeZone: 'UTC',
  });
  const lineItems: Stripe.Checkout.SessionCreateParams.LineItem[] = order.lines.flatMap((line) => {
    const name = `${line.title} — ${formatLabel(line.format, order.locale)}`;
    const item = (unitAmount: number, itemName: string) => ({
      quantity: line.quantity,
      price_data: { currency, unit_amount: unitAmount, product_data: { name: itemName } },
    });
    if (!line.rentalPeriodDays) return [item(line.unitPriceMinor, name)];
    // A rental: the fee for its period, then its refundable deposit (part of the order's total).
    return [
      item(line.unitPriceMinor, `${name} · ${t('rental', { days: line.rentalPeriodDays })}`),
      item(line.rentalDepositMinor ?? 0, `${mail.deposit} — ${line.title}`),
    ];
  });
  if (order.addedTaxMinor > 0) {
    lineItems.push({
      quantity: 1,
      price_data: { currency, unit_amount: order.addedTaxMinor, product_data: { name: mail.tax } },
    });
  }
  const itemsMinor = lineItems.reduce((sum, item) => sum + item.price_data!.unit_amount! * item.quantity!, 0);
  if (itemsMinor + order.shippingMinor !== order.totalMinor) {
    throw new Error(
      `stripe: order ${order.number} items (${itemsMinor}) and shipping (${order.shippingMinor}) ` +
        `do not add up to its total (${order.totalMinor})`,
    );
  }

  const methods = env.STRIPE_PAYMENT_METHODS;
  const metadata = { orderId: String(order.id), orderNumber: order.number };
  return {
    mode: 'payment',
    line_items: lineItems,
    ...(order.shippingMinor > 0 && {
      shipping_options: [
        {
          shipping_rate_data: {
            type: 'fixed_amount',
            display_name: mail.shipping,
            fixed_amount: { amount: order.shippingMinor, currency },
          },
        },
      ],
    }),
    currency,
    customer_email: order.email ?? undefined,
    client_reference_id: order.number,
    metadata,
    payment_intent_data: { metadata },
    // API 2026-09-30 replaced `payment_method_types` with this filter: Stripe offers the methods that
    // are both listed here and enabled (and eligible) on the account.
    allowed_payment_method_types: methods,
    ...(methods.includes('wechat_pay') && { payment_method_options: { wechat_pay: { client: 'web' } } }),
    locale: order.locale,
    success_url: withSessionId(order.returnUrl),
    cancel_url: order.cancelUrl,
    expires_at: sessionExpiresAt(order.expiresAt),
  };
}

async function startPayment(order: OrderForPayment): Promise<PaymentStart> {
  const params = checkoutSessionParams(order);
  const stripe = stripeClient();
  // One session per order: a retried or repeated call gets the same session back (Stripe keeps
  // idempotency keys for 24 hours, as long as the longest session).
  const session = await stripe.checkout.sessions.create(params, { idempotencyKey: `checkout-session-${order.id}` });
  if (session.amount_total !== null && session.amount_total !== order.totalMinor) {
    await cancelPayment(session.id).catch((error: unknown) => console.error('[encore] stripe expire', error));
    throw new Error(
      `stripe: session ${session.id} totals ${session.amount_total}, order ${order.number} ${order.totalMinor}`,
    );
  }
  if (!session.url) throw new Error(`stripe: session ${session.id} has no URL`);
  return { redirectUrl: session.url, paymentRef: session.id };
}

function paymentIntentId(session: Stripe.Checkout.Session): string | null {
  const intent = session.payment_intent;
  return typeof intent === 'string' ? intent : (intent?.id ?? null);
}

async function refund(input: {
  paymentRef: string;
  paymentIntentRef: string | null;
  amountMinor: number;
  idempotencyKey: string;
}): Promise<{ refundRef: string }> {
  const stripe = stripeClient();
  const intent = input.paymentIntentRef ?? paymentIntentId(await stripe.checkout.sessions.retrieve(input.paymentRef));
  if (!intent) throw new Error(`stripe: session ${input.paymentRef} has no payment to refund`);
  const created = await stripe.refunds.create(
    { payment_intent: intent, amount: input.amountMinor },
    { idempotencyKey: input.idempotencyKey },
  );
  return { refundRef: created.id };
}

/**
 * Expires an open session so that it can no longer be paid. A session that is already expired or
 * complete is fine (the order's state machine handles a late payment: it goes to needs_review).
 */
async function cancelPayment(sessionId: string): Promise<void> {
  const stripe = stripeClient();
  try {
    await stripe.checkout.sessions.expire(sessionId);
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeInvalidRequestError)) throw error;
    // Stripe answers 400 for a session that is no longer open; its message is not a stable contract,
    // so ask for the session's status instead of parsing it.
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    if (session.status === 'open') throw error;
  }
}

const provider: PaymentProvider = { id: 'stripe', startPayment, refund, cancelPayment };

/** The Stripe implementation of PaymentProvider (lib/payments/index.ts picks it when a key is set). */
export function stripeProvider(): PaymentProvider {
  return provider;
}
