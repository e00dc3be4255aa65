import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Transaction } from '@/db';
import { openDisplayName, nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { toLocale } from '@/lib/i18n/config';
import { enqueueMail } from '@/lib/mail/mutations';
import { orders } from '@/lib/orders/schema';
import { depositRefundKey } from './deposit';
import type { Rental } from './desk';
import { rentalCopies, rentals } from './schema';

/**
 * A rented copy that stays with the shopper: bought out by its shopper while it is out ("Keep it"), or
 * converted to a purchase by itself once the late fee has reached the deposit. Either way the rental
 * becomes `kept` and its copy `sold` (it leaves the rental pool), in one transaction whose updates are
 * conditional on `out`, so a doubled click, two instances of the job or a check-in at the same moment
 * settle the deposit once: the deposit refund (if any) is claimed in that transaction
 * (lib/orders/refunds.ts claimRefund, reason `rental:<id>:keep`) and sent after the commit
 * (executeRefund, keyed by the refund row). The mail is written in the same transaction with a dedupe key.
 *
 * A buy-out records `buy_out_price_minor` (the sale price less the fee paid) and the late fee so far;
 * a conversion at the cap records no buy-out price: the whole deposit was kept as late fees.
 *
 * When the deposit left after late fees does not cover the price, the shopper pays the shortfall
 * through an order of its own (one digital-like line, no shipping, no stock: keep.ts's keepRental places
 * it, the action sends the shopper to the normal pay page) and the rental becomes kept when that
 * order is paid: buy-out-order.ts's settleBuyOutPayments (job `settle-rental-buy-outs`, every minute) keeps it
 * once, whatever the provider retries, at the price quoted when the order was placed; a buy-out order
 * paid after the rental was settled otherwise (returned, converted, lost) is refunded in full.
 */

export type KeepRefusal =
  'not_found' | 'not_out' | 'already_kept' | 'payment_received' | 'order_not_paid' | 'quote_changed';

/** Rolls the keep's transaction back with a refusal (nothing of it stays). */
export class KeepAbort extends Error {
  constructor(readonly refusal: KeepRefusal) {
    super(refusal);
  }
}

/** An out rental with what the quote and the mail need, locked for the rest of the transaction. */
export async function lockRental(tx: Transaction, rentalId: number) {
  const [row] = await tx
    .select({
      rental: rentals,
      salePriceMinor: editions.priceMinor,
      format: editions.format,
      editionName: editions.name,
      title: products.title,
      productSlug: products.slug,
      userEmail: users.email,
      userLocale: users.preferredLocale,
      displayName: users.displayName,
      username: users.username,
      orderEmail: orders.email,
      orderLocale: orders.locale,
      currency: orders.currency,
    })
    .from(rentals)
    .innerJoin(editions, eq(editions.id, rentals.editionId))
    .innerJoin(products, eq(products.id, editions.productId))
    .leftJoin(users, eq(users.id, rentals.userId))
    .leftJoin(orders, eq(orders.id, rentals.orderId))
    .where(eq(rentals.id, rentalId))
    .for('update', { of: rentals });
  return row ?? null;
}

export type Locked = NonNullable<Awaited<ReturnType<typeof lockRental>>>;

/** Out → kept with the amounts, copy out → sold; null when the rental is no longer out (someone else won). */
export async function markKept(
  tx: Transaction,
  locked: Locked,
  amounts: { buyOutPriceMinor: number | null; lateFeeMinor: number; refundMinor: number },
  now: Date,
): Promise<Rental | null> {
  const { rental: current } = locked;
  const [kept] = await tx
    .update(rentals)
    .set({
      status: 'kept',
      keptAt: now,
      buyOutPriceMinor: amounts.buyOutPriceMinor,
      lateFeeChargedMinor: amounts.lateFeeMinor,
      damageChargeMinor: 0,
      depositRefundMinor: amounts.refundMinor,
      depositRefundKey: depositRefundKey(current.id),
      updatedAt: now,
    })
    .where(and(eq(rentals.id, current.id), eq(rentals.status, 'out')))
    .returning();
  if (!kept) return null;
  const [sold] = await tx
    .update(rentalCopies)
    .set({ status: 'sold', updatedAt: now })
    .where(and(eq(rentalCopies.id, current.copyId), eq(rentalCopies.status, 'out')))
    .returning({ id: rentalCopies.id });
  // An out rental's copy is out (only lib/rentals moves it): anything else is a broken invariant, rolled back.
  if (!sold) throw new Error(`Copy ${current.copyId} of rental ${current.id} is not out`);
  return kept;
}

/** Who the rental's mails go to: the account's address and language, else the order's; null when neither has one. */
export function recipient(locked: Locked) {
  const to = locked.userEmail ?? locked.orderEmail;
  if (!to) return null;
  return {
    to,
    locale: toLocale(locked.userLocale ?? locked.orderLocale ?? 'en'),
    name: nameOrUsername(openDisplayName(locked.displayName), locked.username) ?? '',
  };
}

export function mailItem(locked: Locked) {
  return {
    title: locked.title,
    format: locked.format,
    editionName: locked.editionName,
    currency: locked.currency ?? env.STORE_CURRENCY,
    rentalsUrl: '/account/rentals',
  };
}

/** The "rentalKept" mail of a rental just kept, in the keeping transaction (once: its dedupe key). */
export async function mailKept(
  tx: Transaction,
  locked: Locked,
  amounts: { priceMinor: number; lateFeeMinor: number; fromDepositMinor: number; refundMinor: number },
): Promise<void> {
  const to = recipient(locked);
  if (!to) return;
  await enqueueMail(tx, {
    to: to.to,
    locale: to.locale,
    template: 'rentalKept',
    data: { name: to.name, ...mailItem(locked), ...amounts },
    dedupeKey: `rental-kept:${locked.rental.id}`,
    userId: locked.rental.userId ?? undefined,
  });
}
