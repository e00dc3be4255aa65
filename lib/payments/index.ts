import 'server-only';
import { env } from '@/lib/env';
import { demoProvider } from './demo';
import type { PaymentProvider } from './provider';

export type { OrderForPayment, PaymentProvider } from './provider';

/**
 * Whether the demo provider may take a payment now: only while Stripe is not configured, and in
 * production only when DEMO_PAYMENTS=1 chose it (the server refuses to start otherwise; this is the
 * second lock). Once Stripe is configured no order is paid with a button any more, including orders
 * placed while the demo provider was on.
 */
export function demoPaymentsEnabled(): boolean {
  if (env.STRIPE_SECRET_KEY) return false;
  return env.NODE_ENV !== 'production' || env.DEMO_PAYMENTS;
}

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the demo provider (where `demoPaymentsEnabled`). */
export async function getPaymentProvider(): Promise<PaymentProvider> {
  if (!env.STRIPE_SECRET_KEY) {
    if (!demoPaymentsEnabled()) throw new Error('No payment provider: set STRIPE_SECRET_KEY (or DEMO_PAYMENTS=1).');
    return demoProvider;
  }
  const { stripeProvider } = await import('./stripe');
  return stripeProvider();
}

/**
 * The provider an existing order was placed with (the setting may have changed since), for refunds
 * and cancellations; the demo one refunds nothing because it charged nothing.
 */
export async function providerFor(id: 'stripe' | 'demo'): Promise<PaymentProvider> {
  if (id === 'demo') return demoProvider;
  const { stripeProvider } = await import('./stripe');
  return stripeProvider();
}
