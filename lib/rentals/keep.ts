import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt, lte, notExists, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { openDisplayName, nameOrUsername } from '@/lib/accounts/sealed';
import { users } from '@/lib/accounts/schema';
import { recordAudit } from '@/lib/audit/record';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import { toLocale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { type Actor, lockOrder, recordInternalEvent, recordOrderEvent } from '@/lib/orders/lifecycle';
import { claimRefund, executeRefund } from '@/lib/orders/refunds';
import { orderEvents, orderLines, orders } from '@/lib/orders/schema';
import { type DepositRefund, depositRefundKey, PAID_ORDER_STATUSES, type Rental, type RentalSettings } from './desk';
import { daysLate, lateFeeMinor } from './amounts';
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
 * When the deposit left after late fees does not cover the price, the shopper pays the shortfall
 * through an order of its own (one digital-like line, no shipping, no stock: {@link keepRental} places
 * it, the action sends the shopper to the normal pay page) and the rental becomes kept when that
 * order is paid: {@link settleBuyOutPayments} (job `settle-rental-buy-outs`, every minute) keeps it
 * once, whatever the provider retries, at the price quoted when the order was placed; a buy-out order
 * paid after the rental was settled otherwise (returned, converted, lost) is refunded in full.
 */

const configured = (): RentalSettings => ({ periods: env.RENTAL_PERIOD_DAYS, timeZone: env.SHOP_TIME_ZONE });

type Refusal<E extends string> = { ok: false; error: E };

export type KeepRefusal = 'not_found' | 'not_out' | 'already_kept' | 'payment_received' | 'order_not_paid';

export type Kept = {
  ok: true;
  outcome: 'kept';
  rental: Rental;
  quote: KeepQuote;
  refund: DepositRefund;
  productSlug: string;
};

/** The deposit left does not cover the price: the shortfall is to be paid through this order first. */
export type PaymentNeeded = {
  ok: true;
  outcome: 'payment';
  orderId: number;
  number: string;
  amountMinor: number;
  quote: KeepQuote;
  /** An earlier buy-out order of this rental still waiting for its payment (its quote stands). */
  reused: boolean;
};

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
 * Only the rental's own shopper, only while it is out; refused with `order_not_paid` (nothing changes)
 * when the rental's order can no longer be refunded (cancelled, refunded or waiting for review: staff
 * settle it). Audit row (`rental.keep`, the shopper as actor) and the "rentalKept" mail, in the same
 * transaction. When the deposit left does not cover the price, nothing is kept yet: the answer is the
 * order that pays the shortfall (`outcome: 'payment'`, placed or the pending one reused), and
 * {@link settleBuyOutPayments} keeps the copy once it is paid.
 */
export async function keepRental(
  user: { id: number },
  input: { rentalId: number; now: Date },
  settings: RentalSettings = configured(),
): Promise<Kept | PaymentNeeded | Refusal<KeepRefusal>> {
  const { rentalId, now } = input;
  const actor: Actor = { kind: 'customer', userId: user.id };
  const db = await getDb();
  let done: Kept | PaymentNeeded;
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
      if (quote.shortfallMinor > 0) return buyOutOrderIn(tx, locked, quote, user.id, now);
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
      return { ok: true as const, outcome: 'kept' as const, rental, quote, refund, productSlug: locked.productSlug };
    });
  } catch (error) {
    if (error instanceof KeepAbort) return { ok: false, error: error.refusal };
    throw error;
  }
  if (done.outcome === 'payment') return done;
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

/** How long a buy-out order waits for its payment: the signed-in shopper's window, never under Stripe's 30 minutes. */
function buyOutPaymentMinutes(stripe: boolean): number {
  return stripe ? Math.max(30, env.ORDER_PAYMENT_MINUTES) : env.ORDER_PAYMENT_MINUTES;
}

/**
 * The shortfall of a buy-out, as an order of its own (in the keep's transaction, the rental locked):
 * the rental's pending buy-out order when it has one (its quote stands: late fees only grow), else a
 * new order of one line — the title, no edition (so no stock moves and nothing is recommended from
 * it), marked digital (nothing to ship, nothing to return) — whose total is the shortfall, untaxed like
 * the late fees and the rest of the deposit it completes. Refused when an earlier one is already paid
 * (settleBuyOutPayments keeps the copy in a moment).
 */
async function buyOutOrderIn(
  tx: Transaction,
  locked: Locked,
  quote: KeepQuote,
  userId: number,
  now: Date,
): Promise<PaymentNeeded> {
  const { rental } = locked;
  const amountMinor = quote.shortfallMinor;
  if (rental.buyOutOrderId !== null) {
    const [previous] = await tx
      .select({ id: orders.id, number: orders.number, status: orders.status, totalMinor: orders.totalMinor })
      .from(orders)
      // Not locked: settleBuyOutPayments locks that order before the rental (the other way round from
      // here); a payment landing meanwhile only means the pay page sends the shopper to the paid order.
      .where(eq(orders.id, rental.buyOutOrderId));
    if (previous?.status === 'pending_payment') {
      return {
        ok: true,
        outcome: 'payment',
        orderId: previous.id,
        number: previous.number,
        amountMinor: previous.totalMinor,
        quote,
        reused: true,
      };
    }
    if (previous?.status === 'paid') throw new KeepAbort('payment_received');
  }
  const provider = env.STRIPE_SECRET_KEY ? 'stripe' : 'demo';
  const [order] = await tx
    .insert(orders)
    .values({
      number: sql`'EN-' || nextval('order_number_seq')`,
      userId,
      email: locked.userEmail ?? locked.orderEmail,
      currency: locked.currency ?? env.STORE_CURRENCY,
      subtotalMinor: amountMinor,
      shippingMinor: 0,
      taxMinor: 0,
      totalMinor: amountMinor,
      taxInclusive: env.TAX_INCLUSIVE,
      locale: toLocale(locked.userLocale ?? locked.orderLocale ?? 'en'),
      checkoutKey: `rental-keep:${rental.id}:${randomUUID()}`,
      accessTokenHash: '',
      paymentProvider: provider,
      expiresAt: sql`now() + make_interval(mins => ${buyOutPaymentMinutes(provider === 'stripe')})`,
      // The moment of the quote: settleBuyOutPayments keeps the copy at the late fee of this moment.
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: orders.id, number: orders.number });
  if (!order) throw new Error('The buy-out order insert returned no row');
  await tx.insert(orderLines).values({
    orderId: order.id,
    editionId: null,
    productSlug: locked.productSlug,
    title: locked.title,
    format: locked.format,
    editionName: locked.editionName,
    digital: true,
    unitPriceMinor: amountMinor,
    quantity: 1,
    lineTotalMinor: amountMinor,
  });
  const [linked] = await tx
    .update(rentals)
    .set({ buyOutOrderId: order.id, updatedAt: sql`now()` })
    .where(and(eq(rentals.id, rental.id), eq(rentals.status, 'out')))
    .returning({ id: rentals.id });
  if (!linked) throw new KeepAbort('not_out');
  await recordOrderEvent(
    tx,
    order.id,
    'placed',
    { kind: 'customer', userId },
    { totalMinor: amountMinor, rentalId: rental.id, buyOutPriceMinor: quote.priceMinor },
  );
  await recordAudit(tx, {
    actorUserId: userId,
    action: 'rental.keep_payment',
    entity: 'rental',
    entityId: rental.id,
    after: {
      orderId: order.id,
      buyOutPriceMinor: quote.priceMinor,
      lateFeeMinor: quote.lateFeeMinor,
      fromDepositMinor: quote.fromDepositMinor,
      shortfallMinor: amountMinor,
    },
  });
  return { ok: true, outcome: 'payment', orderId: order.id, number: order.number, amountMinor, quote, reused: false };
}

/** The internal event on a buy-out order once its rental was kept for it (it is then never refunded by the job). */
const BUY_OUT_KEPT = 'rental_buy_out_kept';

/**
 * The background job `settle-rental-buy-outs` (every minute, on any number of instances): each paid
 * buy-out order whose rental is still out keeps that rental — kept at the price quoted when the order
 * was placed (the deposit left after the late fee of that moment, plus the shortfall paid), no refund,
 * the copy sold, the "rentalKept" mail — and each paid buy-out order whose rental was settled
 * otherwise meanwhile (returned, converted, lost, or the rental asked for a newer order) is refunded
 * in full. One transaction per order, the order row locked first (as cancelling it does), every change
 * conditional: a webhook retried, two instances or a cancellation at once change things once.
 */
export async function settleBuyOutPayments(
  input: { now: Date; limit?: number },
  settings: RentalSettings = configured(),
): Promise<{ kept: number[]; refunded: number[] }> {
  const db = await getDb();
  const due = await db
    .select({ rentalId: rentals.id, orderId: orders.id })
    .from(rentals)
    .innerJoin(orders, eq(orders.id, rentals.buyOutOrderId))
    .where(
      and(
        eq(orders.status, 'paid'),
        lt(orders.refundedMinor, orders.totalMinor),
        notExists(
          db
            .select({ one: sql`1` })
            .from(orderEvents)
            .where(and(eq(orderEvents.orderId, orders.id), eq(orderEvents.type, BUY_OUT_KEPT))),
        ),
      ),
    )
    .orderBy(asc(orders.id))
    .limit(input.limit ?? CONVERT_BATCH);
  const kept: number[] = [];
  const refunded: number[] = [];
  for (const { rentalId, orderId } of due) {
    const outcome = await db.transaction((tx) => settleOne(tx, rentalId, orderId, input.now, settings));
    if (outcome.kind === 'kept') kept.push(rentalId);
    if (outcome.kind === 'refund') {
      refunded.push(orderId);
      await executeRefund(outcome.refundId, { kind: 'system' });
    }
  }
  if (kept.length > 0) sendMailSoon();
  return { kept, refunded };
}

async function settleOne(
  tx: Transaction,
  rentalId: number,
  orderId: number,
  now: Date,
  settings: RentalSettings,
): Promise<{ kind: 'none' } | { kind: 'kept' } | { kind: 'refund'; refundId: number }> {
  const order = await lockOrder(tx, { id: orderId });
  if (!order || order.status !== 'paid') return { kind: 'none' };
  const [settled] = await tx
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, BUY_OUT_KEPT)));
  if (settled) return { kind: 'none' };
  const locked = await lockRental(tx, rentalId);
  const current = locked?.rental;
  if (locked && current && current.status === 'out' && current.dueAt && current.buyOutOrderId === orderId) {
    // The quote of the moment the order was placed: its late fee, and the price the deposit left plus the payment make.
    const [placed] = await tx.select({ createdAt: orders.createdAt }).from(orders).where(eq(orders.id, orderId));
    const quotedAt = placed?.createdAt ?? now;
    const lateFee = lateFeeMinor(
      daysLate(current.dueAt, quotedAt, settings.timeZone),
      current.lateFeePerDayMinor,
      current.depositMinor,
    );
    const fromDeposit = current.depositMinor - lateFee;
    const price = fromDeposit + order.totalMinor;
    const rental = await markKept(tx, locked, { buyOutPriceMinor: price, lateFeeMinor: lateFee, refundMinor: 0 }, now);
    if (!rental) return { kind: 'none' };
    await recordInternalEvent(tx, orderId, BUY_OUT_KEPT, { kind: 'system' }, { rentalId });
    if (current.userId !== null) {
      await recordAudit(tx, {
        actorUserId: current.userId,
        action: 'rental.keep',
        entity: 'rental',
        entityId: rentalId,
        before: { status: 'out' },
        after: { status: 'kept', buyOutPriceMinor: price, lateFeeMinor: lateFee, paidMinor: order.totalMinor, orderId },
      });
    }
    const to = recipient(locked);
    if (to) {
      await enqueueMail(tx, {
        to: to.to,
        locale: to.locale,
        template: 'rentalKept',
        data: {
          name: to.name,
          ...mailItem(locked),
          priceMinor: price,
          lateFeeMinor: lateFee,
          fromDepositMinor: fromDeposit,
          refundMinor: 0,
        },
        dedupeKey: `rental-kept:${rentalId}`,
        userId: current.userId ?? undefined,
      });
    }
    return { kind: 'kept' };
  }
  // The rental was settled otherwise before the payment came (or asked for a newer order): all of it goes back.
  const claimed = await claimRefund(tx, {
    orderId,
    amountMinor: order.totalMinor - order.refundedMinor,
    reason: `rental:${rentalId}:keep`,
    actor: { kind: 'system' },
    statuses: ['paid'],
    eventData: { rentalId },
  });
  return claimed ? { kind: 'refund', refundId: claimed.refundId } : { kind: 'none' };
}
