import 'server-only';
import { deleteAbandonedGuestCarts } from '@/lib/cart/mutations';
import { env } from '@/lib/env';
import { deleteFinishedMail } from '@/lib/mail/mutations';
import { deleteOldVisitorEvents } from '@/lib/recommendations/retention';
import { deleteOldRateLimits } from '@/lib/security/prune-rate-limits';
import { type BatchOptions, type BatchRun, deleteInBatches } from './batches';

/**
 * Retention: what the store deletes on a schedule, and after how long (README, "Configuration"):
 * - mail no longer waiting to be sent, after RETAIN_MAIL_DAYS (30);
 * - rate-limit counters, after RETAIN_RATE_LIMITS_DAYS (1; every window is shorter);
 * - guest carts untouched for RETAIN_GUEST_CARTS_DAYS (60);
 * - interaction events of anonymous visitors, after RETAIN_VISITOR_EVENTS_DAYS (90).
 * Each is its own job, deleting in batches (lib/jobs/batches.ts), safe on several instances at once
 * (rows are claimed with SKIP LOCKED).
 */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

export const RETENTION_JOBS: { name: string; run: (options?: BatchOptions) => Promise<BatchRun> }[] = [
  {
    name: 'prune-mail',
    run: (options) => deleteInBatches((limit) => deleteFinishedMail(daysAgo(env.RETAIN_MAIL_DAYS), limit), options),
  },
  {
    name: 'prune-rate-limits',
    run: (options) =>
      deleteInBatches((limit) => deleteOldRateLimits(daysAgo(env.RETAIN_RATE_LIMITS_DAYS), limit), options),
  },
  {
    name: 'prune-guest-carts',
    run: (options) =>
      deleteInBatches((limit) => deleteAbandonedGuestCarts(daysAgo(env.RETAIN_GUEST_CARTS_DAYS), limit), options),
  },
  {
    name: 'prune-visitor-events',
    run: (options) =>
      deleteInBatches((limit) => deleteOldVisitorEvents(daysAgo(env.RETAIN_VISITOR_EVENTS_DAYS), limit), options),
  },
];
