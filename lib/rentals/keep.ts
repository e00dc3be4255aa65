import 'server-only';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { sendMailSoon } from '@/lib/mail/mutations';
import type { Actor } from '@/lib/orders/lifecycle';
import { executeRefund } from '@/lib/orders/refunds';
import { buyOutOrderIn, type PaymentNeeded } from './buy-out-order';
import { claimDepositRest, type DepositRefund, lockRentalOrder } from './deposit';
import type { Rental } from './desk';
import { type KeepQuote, keepQuote } from './keep-quote';
import { KeepAbort, type KeepRefusal, lockRental, mailKept, markKept } from './kept';
import { type Refusal, rentalSettings, type RentalSettings } from './settings';

/**
 * "Keep it": the shopper buys out their out rental (the rules of keeping are kept.ts's). When the
 * deposit left after late fees does not cover the price, the shortfall is paid through an order of its
 * own first (buy-out-order.ts).
 */

export type Kept = {
  ok: true;
  outcome: 'kept';
  rental: Rental;
  quote: KeepQuote;
  refund: DepositRefund;
  productSlug: string;
};

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
  input: { rentalId: number; now: Date; expected?: { priceMinor: number; lateFeeMinor: number } },
  settings: RentalSettings = rentalSettings(),
): Promise<Kept | PaymentNeeded | Refusal<KeepRefusal>> {
  const { rentalId, now } = input;
  const actor: Actor = { kind: 'customer', userId: user.id };
  const db = await getDb();
  let done: Kept | PaymentNeeded;
  try {
    done = await db.transaction(async (tx) => {
      // The order before the rental (lockRentalOrder): the rest of the deposit is claimed on it.
      await lockRentalOrder(tx, rentalId);
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
      // The price and late fee the shopper confirmed (the page's quote): a price edited or a late day
      // begun since then is refused, and the page shows the new quote.
      const { expected } = input;
      if (expected && (expected.priceMinor !== quote.priceMinor || expected.lateFeeMinor !== quote.lateFeeMinor)) {
        throw new KeepAbort('quote_changed');
      }
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
      await mailKept(tx, locked, {
        priceMinor: quote.priceMinor,
        lateFeeMinor: quote.lateFeeMinor,
        fromDepositMinor: quote.fromDepositMinor,
        refundMinor: quote.refundMinor,
      });
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
