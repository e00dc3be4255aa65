import { handleStripeWebhook } from '@/lib/payments/webhook';

// POST /api/webhooks/stripe: Stripe Checkout events, verified on the raw body and applied once.
export async function POST(request: Request) {
  return handleStripeWebhook(request);
}
