import 'server-only';
import { env } from '@/lib/env';
import { demoProvider } from './demo';
import type { PaymentProvider } from './provider';

export type { OrderForPayment, PaymentProvider } from './provider';

/** Stripe when STRIPE_SECRET_KEY is set, otherwise the demo provider. */
export async function getPaymentProvider(): Promise<PaymentProvider> {
  if (!env.STRIPE_SECRET_KEY) return demoProvider;
  const { stripeProvider } = await import('./stripe');
  return stripeProvider();
}

/** The provider an existing order was placed with (the setting may have changed since). */
export async function providerFor(id: 'stripe' | 'demo'): Promise<PaymentProvider> {
  if (id === 'demo') return demoProvider;
  const { stripeProvider } = await import('./stripe');
  return stripeProvider();
}
