import 'server-only';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { openDisplayName, nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { recordAudit } from '@/lib/audit/record';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { toLocale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { type Actor } from '@/lib/orders/lifecycle';
import { claimRefund, executeRefund } from '@/lib/orders/refunds';
import { orders } from '@/lib/orders/schema';
import { type DepositRefund, depositRefundKey, PAID_ORDER_STATUSES, type Rental, type RentalSettings } from './desk';
import { type KeepQuote, keepQuote, lateFeeReachedDeposit } from './keep-quote';
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
 * The buy-out is only offered when the deposit left after late fees covers the price (a refund or
 * nothing to pay): when it does not, keeping the copy would need a payment of the shortfall, which
 * the store does not take yet (the shopper is told so; see the README).
 */

const configured = (): RentalSettings => ({ periods: env.RENTAL_PERIOD_DAYS, timeZone: env.SHOP_TIME_ZONE });

type Refusal<E extends string> = { ok: false; error: E };

export type KeepRefusal = 'not_found' | 'not_out' | 'already_kept' | 'shortfall' | 'order_not_paid';

export type Kept = { ok: true; rental: Rental; quote: KeepQuote; refund: DepositRefund; productSlug: string };

/** Rolls the keep's transaction back with a refusal (nothing of it stays). */
class KeepAbort extends Error {
  constructor(readonly refusal: KeepRefusal) {
    super(refusal);
  }
}

/** An out rental with what the quote and the mail need, locked for the rest of the transaction. */
async function lockRental(tx: Transaction, rentalId: number) {
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

type Locked = NonNullable<Awaited<ReturnType<typeof lockRental>>>;

/** Out → kept with the amounts, copy out → sold; null when the rental is no longer out (someone else won). */
async function markKept(
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
function recipient(locked: Locked) {
  const to = locked.userEmail ?? locked.orderEmail;
  if (!to) return null;
  return {
    to,
    locale: toLocale(locked.userLocale ?? locked.orderLocale ?? 'en'),
    name: nameOrUsername(openDisplayName(locked.displayName), locked.username) ?? '',
  };
}

function mailItem(locked: Locked) {
  return {
    title: locked.title,
    format: locked.format,
    editionName: locked.editionName,
    currency: locked.currency ?? env.STORE_CURRENCY,
    rentalsUrl: '/account/rentals',
  };
}

/**
 * The shopper keeps the copy of their out rental `rentalId` for the buy-out price (keep-quote.ts): the
 * price is taken from the deposit left after the late fee so far, and the rest of the deposit refunded.
 * Only the rental's own shopper, only while it is out; refused with `shortfall` (nothing changes) when
 * the deposit left does not cover the price, and with `order_not_paid` when the rental's order can no
 * longer be refunded (cancelled, refunded or waiting for review: staff settle it). Audit row
 * (`rental.keep`, the shopper as actor) and the "rentalKept" mail, in the same transaction.
 */
export async function keepRental(
  user: { id: number },
  input: { rentalId: number; now: Date },
  settings: RentalSettings = configured(),
): Promise<Kept | Refusal<KeepRefusal>> {
  const { rentalId, now } = input;
  const actor: Actor = { kind: 'customer', userId: user.id };
  const db = await getDb();
  let done: Kept;
  try {
    done = await db.transaction(async (tx) => {
      const locked = await lockRental(tx, rentalId);
      // Someone else's rental is answered as a missing one: nothing tells it exists.
      if (!locked || locked.rental.userId !== user.id) throw new KeepAbort('not_found');
      const { rental: current } = locked;
      if (current.status === 'kept') throw new KeepAbort('already_kept');
      if (current.status !== 'out' || !current.dueAt) throw new KeepAbort('not_out');
      const quote = keepQuote(
        { ...current, dueAt: current.dueAt, salePriceMinor: locked.salePriceMinor },
        now,
        settings.timeZone,
      );
      if (quote.shortfallMinor > 0) throw new KeepAbort('shortfall');
      const rental = await markKept(
        tx,
        locked,
        { buyOutPriceMinor: quote.priceMinor, lateFeeMinor: quote.lateFeeMinor, refundMinor: quote.refundMinor },
        now,
      );
      if (!rental) throw new KeepAbort('already_kept');
      const refund = await claimDepositRest(tx, rental, quote.refundMinor, `rental:${rental.id}:keep`, actor);
      if (refund.status === 'not_claimed') throw new KeepAbort('order_not_paid');
      await recordAudit(tx, {
        actorUserId: user.id,
        action: 'rental.keep',
        entity: 'rental',
        entityId: rental.id,
        before: { status: 'out' },
        after: {
          status: 'kept',
          salePriceMinor: quote.salePriceMinor,
          buyOutPriceMinor: quote.priceMinor,
          lateFeeMinor: quote.lateFeeMinor,
          fromDepositMinor: quote.fromDepositMinor,
          depositRefundMinor: quote.refundMinor,
          refund: refund.status,
          ...('refundId' in refund ? { refundId: refund.refundId } : {}),
        },
      });
      const to = recipient(locked);
      if (to) {
        await enqueueMail(tx, {
          to: to.to,
          locale: to.locale,
          template: 'rentalKept',
          data: {
            name: to.name,
            ...mailItem(locked),
            priceMinor: quote.priceMinor,
            lateFeeMinor: quote.lateFeeMinor,
            fromDepositMinor: quote.fromDepositMinor,
            refundMinor: quote.refundMinor,
          },
          dedupeKey: `rental-kept:${rental.id}`,
          userId: current.userId ?? undefined,
        });
      }
      return { ok: true as const, rental, quote, refund, productSlug: locked.productSlug };
    });
  } catch (error) {
    if (error instanceof KeepAbort) return { ok: false, error: error.refusal };
    throw error;
  }
  sendMailSoon();
  if (done.refund.status !== 'pending') return done;
  const sent = await executeRefund(done.refund.refundId, actor);
  return { ...done, refund: { ...done.refund, status: sent ? 'sent' : 'pending' } };
}

/**
 * Claims what is left of a settled rental's deposit on its order (in the caller's transaction): none
 * without an order or with nothing left; not claimed when the order is no longer paid (or shipped,
 * delivered); else pending until executeRefund sends it after the commit.
 */
export async function claimDepositRest(
  tx: Transaction,
  rental: Rental,
  amountMinor: number,
  reason: string,
  actor: Actor,
): Promise<DepositRefund> {
  if (rental.orderId === null || amountMinor <= 0) return { status: 'none' };
  const claimed = await claimRefund(tx, {
    orderId: rental.orderId,
    amountMinor,
    reason,
    actor,
    statuses: PAID_ORDER_STATUSES,
    eventData: { rentalId: rental.id },
  });
  return claimed
    ? { status: 'pending', refundId: claimed.refundId, amountMinor }
    : { status: 'not_claimed', amountMinor };
}

/** How many overdue rentals one run of the conversion job looks at (oldest due first). */
const CONVERT_BATCH = 100;

/**
 * The background job `convert-capped-rentals`: every out rental whose late fee (days late × daily fee)
 * has reached its deposit becomes a purchase by itself — kept, the whole deposit kept as the late fee,
 * no refund, the copy sold — with the "rentalConverted" mail. The candidates are read with `for update
 * skip locked` and each one moves with a conditional update on `out` (plus the mail's dedupe key), so
 * two instances running at once convert and mail each rental once. A rough SQL bound (a day of at
 * least 23 hours) picks the candidates; the exact rule (shop-local days, keep-quote.ts) decides.
 */
export async function convertCappedRentals(
  input: { now: Date; limit?: number },
  settings: RentalSettings = configured(),
): Promise<{ converted: number[] }> {
  const { now } = input;
  const db = await getDb();
  const converted = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: rentals.id })
      .from(rentals)
      .where(
        and(
          eq(rentals.status, 'out'),
          lte(rentals.dueAt, now),
          sql`${rentals.lateFeePerDayMinor} > 0 and ${rentals.depositMinor} > 0`,
          sql`${rentals.lateFeePerDayMinor}::bigint * (floor(extract(epoch from (${now.toISOString()}::timestamptz - ${rentals.dueAt})) / 82800) + 1)
            >= ${rentals.depositMinor}`,
        ),
      )
      .orderBy(asc(rentals.dueAt), asc(rentals.id))
      .limit(input.limit ?? CONVERT_BATCH)
      .for('update', { skipLocked: true });
    const done: number[] = [];
    for (const { id } of due) {
      if (await convertOne(tx, id, now, settings)) done.push(id);
    }
    return done;
  });
  if (converted.length > 0) sendMailSoon();
  return { converted };
}

/** One candidate of {@link convertCappedRentals}, in its transaction: converted (true) or left as it is. */
async function convertOne(tx: Transaction, rentalId: number, now: Date, settings: RentalSettings): Promise<boolean> {
  const locked = await lockRental(tx, rentalId);
  const current = locked?.rental;
  if (!locked || !current || current.status !== 'out' || !current.dueAt) return false;
  if (!lateFeeReachedDeposit({ ...current, dueAt: current.dueAt }, now, settings.timeZone)) return false;
  const rental = await markKept(
    tx,
    locked,
    { buyOutPriceMinor: null, lateFeeMinor: current.depositMinor, refundMinor: 0 },
    now,
  );
  if (!rental) return false;
  const to = recipient(locked);
  if (to) {
    await enqueueMail(tx, {
      to: to.to,
      locale: to.locale,
      template: 'rentalConverted',
      data: {
        name: to.name,
        ...mailItem(locked),
        depositMinor: current.depositMinor,
        lateFeePerDayMinor: current.lateFeePerDayMinor,
      },
      dedupeKey: `rental-converted:${rental.id}`,
      userId: current.userId ?? undefined,
    });
  }
  return true;
}
