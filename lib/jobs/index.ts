import 'server-only';
import { pruneAbandonedGuestCarts } from '@/lib/cart/mutations';
import { env } from '@/lib/env';
import { deliverPendingMail } from '@/lib/mail/mutations';
import { expireUnpaidOrders } from '@/lib/orders/lifecycle';
import { registerJob } from './scheduler';

// The store's background jobs. Each one is idempotent and safe on several instances at once.
registerJob({ name: 'deliver-mail', everySeconds: 60, run: () => deliverPendingMail() });
registerJob({ name: 'expire-unpaid-orders', everySeconds: 60, run: () => expireUnpaidOrders() });
registerJob({
  name: 'reconcile-stripe',
  everySeconds: 3600,
  run: async () => {
    if (!env.STRIPE_SECRET_KEY) return;
    const { reconcileStripePayments } = await import('@/lib/payments/reconcile');
    return reconcileStripePayments({ days: 3 });
  },
});
registerJob({ name: 'prune-guest-carts', everySeconds: 6 * 3600, run: () => pruneAbandonedGuestCarts() });
registerJob({
  name: 'wishlist-notifications',
  everySeconds: 300,
  run: async () => (await import('@/lib/wishlist/notifications')).notifyWishlists(),
});
registerJob({
  name: 'rebuild-recommendations',
  everySeconds: 300,
  run: async () => (await import('@/lib/recommendations/refresh')).refreshRecommendationsJob(),
});

export { runAllJobs, startJobTimers } from './scheduler';
