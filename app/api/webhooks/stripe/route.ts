import { readText } from '@/lib/http/body';
import { route } from '@/lib/api/route';
import { handleStripeWebhook } from '@/lib/orders/stripe-webhook';

/** Stripe's events are a few KB; 1 MB leaves room without letting anyone stream gigabytes. */
const MAX_EVENT_BYTES = 1024 * 1024;

// POST /api/webhooks/stripe: Stripe Checkout events, verified on the raw body (the exact bytes Stripe
// signed) and applied once. Cross-site by nature: the signature is its proof of origin.
export const POST = route({ crossSite: 'allow' }, async ({ request }) =>
  handleStripeWebhook(await readText(request, MAX_EVENT_BYTES), request.headers.get('stripe-signature')),
);
