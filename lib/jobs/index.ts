import 'server-only';
import { env } from '@/lib/env';
import { deliverMail } from './mail';
import { expireUnpaidOrders } from '@/lib/orders/lifecycle';
import { RETENTION_JOBS } from './retention';
import { registerJob } from './scheduler';

// The store's background jobs. Each one is idempotent and safe on several instances at once.
registerJob({ name: 'deliver-mail', everySeconds: 60, run: () => deliverMail() });
registerJob({ name: 'expire-unpaid-orders', everySeconds: 60, run: () => expireUnpaidOrders() });
registerJob({
  name: 'reconcile-stripe',
  everySeconds: 3600,
  run: async () => {
    if (!env.STRIPE_SECRET_KEY) return;
    const { reconcileStripePayments } = await import('@/lib/orders/stripe-reconcile');
    return reconcileStripePayments({ days: 3 });
  },
});
registerJob({
  name: 'wishlist-notifications',
  everySeconds: 300,
  run: async () => (await import('@/lib/wishlist/notifications')).notifyWishlists(),
});
registerJob({
  name: 'offer-rental-copies',
  everySeconds: 60,
  run: async () => (await import('@/lib/rentals/waitlist')).runWaitlist((await import('@/lib/clock')).now()),
});
registerJob({
  name: 'prune-registrations-and-sign-in-counters',
  everySeconds: 3600,
  run: async () => ({
    registrations: await (await import('@/lib/accounts/registration')).pruneExpiredRegistrations(),
    signInCounters: await (await import('@/lib/security/sign-in-throttle')).pruneSignInThrottles(),
  }),
});
registerJob({
  name: 'rental-reminders',
  everySeconds: 300,
  run: async () => (await import('@/lib/rentals/reminders')).sendRentalReminders((await import('@/lib/clock')).now()),
});
registerJob({
  name: 'rebuild-recommendations',
  everySeconds: 300,
  run: async () => (await import('@/lib/recommendations/refresh')).refreshRecommendationsJob(),
});
registerJob({
  name: 'convert-capped-rentals',
  everySeconds: 3600,
  run: async () =>
    (await import('@/lib/rentals/convert')).convertCappedRentals({ now: (await import('@/lib/clock')).now() }),
});
registerJob({
  name: 'settle-rental-buy-outs',
  everySeconds: 60,
  run: async () =>
    (await import('@/lib/rentals/buy-out-order')).settleBuyOutPayments({ now: (await import('@/lib/clock')).now() }),
});

// Retention (lib/jobs/retention.ts): mail, rate-limit counters, guest carts, visitor events, hourly.
for (const job of RETENTION_JOBS) registerJob({ name: job.name, everySeconds: 3600, run: () => job.run() });

export { runAllJobs, startJobTimers } from './scheduler';
