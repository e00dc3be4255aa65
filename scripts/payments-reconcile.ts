// npm run payments:reconcile [-- --days 3]: fulfils orders whose Stripe Checkout Session was paid but
// whose webhook never arrived (endpoint down, wrong signing secret). Safe to run beside the app and on
// several machines at once; running it again changes nothing.
import { closeDb } from '@/db';
import { env } from '@/lib/env';
import { deliverMail } from '@/lib/jobs/mail';
import { reconcileStripePayments } from '@/lib/orders/stripe-reconcile';

function daysArg(): number {
  const index = process.argv.indexOf('--days');
  if (index < 0) return 3;
  const days = Number(process.argv[index + 1]);
  // Bounded: every run lists every completed session of the window, page by page.
  if (!Number.isInteger(days) || days < 1 || days > 90) throw new Error('--days needs a whole number from 1 to 90.');
  return days;
}

async function main() {
  if (!env.STRIPE_SECRET_KEY)
    throw new Error('STRIPE_SECRET_KEY is not set: there are no Stripe payments to reconcile.');
  const days = daysArg();
  const result = await reconcileStripePayments({ days, sendMail: false });
  console.log(
    `Checked ${result.checked} completed Checkout Sessions of the last ${days} days: ` +
      `${result.fulfilled} orders fulfilled, ${result.needsReview} sent to review, ` +
      `${result.notFound} paid sessions with no order here.`,
  );
  // Deliver the confirmations now: a detached delivery would be cut off when the process exits.
  if (result.fulfilled > 0) await deliverMail();
  await closeDb();
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await closeDb().catch(() => {});
  process.exit(1);
});
