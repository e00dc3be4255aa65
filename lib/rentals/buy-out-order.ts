import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt, ne, notExists, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { env } from '@/lib/env';
import { toLocale } from '@/lib/i18n/config';
import { sendMailSoon } from '@/lib/mail/mutations';
import { cancelUnpaidOrder, lockOrder, recordInternalEvent, recordOrderEvent } from '@/lib/orders/lifecycle';
import { claimRefund, executeRefund } from '@/lib/orders/refunds';
import { orderEvents, orderLines, orders } from '@/lib/orders/schema';
import { daysLate, lateFeeMinor } from './amounts';
import type { KeepQuote } from './keep-quote';
import { KeepAbort, type Locked, lockRental, mailKept, markKept } from './kept';
import { rentals } from './schema';
import { rentalSettings, type RentalSettings } from './settings';

/**
 * Keeping a copy whose price the deposit left does not cover: the shortfall as an order of its own
 * (placed by keep.ts's keepRental, paid on the normal pay page), and the job that keeps the copy once
 * that order is paid, or refunds a payment that came after the rental was settled otherwise.
 */

/** How many paid buy-out orders one run of the settling job looks at (oldest first). */
const SETTLE_BATCH = 100;

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
export async function buyOutOrderIn(
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
 * in full. A buy-out order still waiting for its payment when its rental was settled otherwise is
 * cancelled (its quote no longer stands; the pay page then says so). One transaction per order, the
 * order row locked first (as cancelling it does), every change conditional: a webhook retried, two
 * instances or a cancellation at once change things once.
 */
export async function settleBuyOutPayments(
  input: { now: Date; limit?: number },
  settings: RentalSettings = rentalSettings(),
): Promise<{ kept: number[]; refunded: number[]; cancelled: number[] }> {
  const db = await getDb();
  const stale = await db
    .select({ orderId: orders.id })
    .from(rentals)
    .innerJoin(orders, eq(orders.id, rentals.buyOutOrderId))
    .where(and(eq(orders.status, 'pending_payment'), ne(rentals.status, 'out')))
    .orderBy(asc(orders.id))
    .limit(input.limit ?? SETTLE_BATCH);
  const cancelled: number[] = [];
  for (const { orderId } of stale) {
    // A settled rental never goes back out: once read so, its pending order can only be cancelled.
    const done = await db.transaction((tx) => cancelUnpaidOrder(tx, { orderId }, 'expired', { kind: 'system' }));
    if (done) cancelled.push(orderId);
  }
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
    .limit(input.limit ?? SETTLE_BATCH);
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
  return { kept, refunded, cancelled };
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
    await mailKept(tx, locked, {
      priceMinor: price,
      lateFeeMinor: lateFee,
      fromDepositMinor: fromDeposit,
      refundMinor: 0,
    });
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
