import 'server-only';
import { and, asc, count, eq, isNotNull, isNull, sql, sum } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { fail, type MutationResult } from '@/lib/http/result';
import { toLocale } from '@/lib/i18n/config';
import { takeStock } from '@/lib/inventory/movements';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import {
  confirmPaidOrder,
  type LockedOrder,
  lockOrder,
  orderMailData,
  recordInternalEvent,
  recordOrderEvent,
} from './lifecycle';
import { releaseOrderStock } from './release-stock-sql';
import { holdOrderRentalsAgain, releaseOrderRentals } from './release-rentals-sql';
import { revokeOrderEntitlements } from './library-sql';
import { claimRefund, executeRefund } from './refunds';
import { orderLines, orders, refunds } from './schema';
import { auditStaffChange, orderProductSlugs, staffActor } from './staff';

/**
 * Staff resolve an order waiting for review (`needs_review`: paid with a different amount, paid
 * after it was cancelled, or a refund the provider refused) after checking the payment at the
 * provider: it was paid after all, or it is cancelled and what was actually paid is refunded.
 * Retrying refused refunds is the third way out (./refunds.ts, retryOrderRefunds).
 */

class OutOfStock extends Error {}

/**
 * It was paid after all. The order becomes `paid` (stock taken again if it had been released, and
 * a copy held again for each released rental; refused when there is not enough any more), the
 * confirmation mail goes out (once) and purchase
 * signals are recorded. Refused for orders with any refund.
 */
export async function markReviewedOrderPaid(
  admin: StaffUser,
  orderId: number,
): Promise<MutationResult<{ productSlugs: string[] }>> {
  assertAdmin(admin, 'markReviewedOrderPaid');
  const db = await getDb();
  try {
    const result = await db.transaction(async (tx) => {
      const order = await lockOrder(tx, { id: orderId });
      if (!order) return fail('orderNotFound');
      if (order.status !== 'needs_review') return fail('cannotResolve');
      const [refunded] = await tx.select({ n: count() }).from(refunds).where(eq(refunds.orderId, orderId));
      if (order.refundedMinor > 0 || (refunded?.n ?? 0) > 0) return fail('cannotMarkPaid');
      if (order.stockReleased) await takeOrderStockAgain(tx, admin, orderId);
      if (!(await holdOrderRentalsAgain(tx, orderId))) throw new OutOfStock();
      await tx
        .update(orders)
        .set({
          status: 'paid',
          paidAt: sql`coalesce(${orders.paidAt}, now())`,
          reviewReason: null,
          cancelledAt: null,
          cancelReason: null,
          stockReleased: false,
          updatedAt: sql`now()`,
        })
        .where(and(eq(orders.id, orderId), eq(orders.status, 'needs_review')));
      await recordInternalEvent(tx, orderId, 'review_resolved', staffActor(admin), { decision: 'markPaid' });
      await recordOrderEvent(tx, orderId, 'paid', staffActor(admin), { reviewed: true });
      await auditStaffChange(tx, admin, 'order.resolve', orderId, {
        before: { status: order.status, stockReleased: order.stockReleased },
        after: { status: 'paid', decision: 'markPaid' },
      });
      await confirmPaidOrder(tx, order);
      return { ok: true as const, productSlugs: order.stockReleased ? await orderProductSlugs(tx, orderId) : [] };
    });
    sendMailSoon();
    return result;
  } catch (error) {
    if (error instanceof OutOfStock) return fail('outOfStock');
    throw error;
  }
}

/**
 * The stock went back when the order was cancelled: take it again, edition by edition in id order,
 * never below zero. Throws OutOfStock (rolling the transaction back) when an edition has too few.
 */
async function takeOrderStockAgain(tx: Transaction, admin: StaffUser, orderId: number): Promise<void> {
  const wanted = await tx
    .select({ editionId: orderLines.editionId, quantity: sum(orderLines.quantity).mapWith(Number) })
    .from(orderLines)
    .where(
      and(
        eq(orderLines.orderId, orderId),
        eq(orderLines.kind, 'purchase'),
        eq(orderLines.digital, false),
        isNotNull(orderLines.editionId),
      ),
    )
    .groupBy(orderLines.editionId)
    .orderBy(asc(orderLines.editionId));
  for (const line of wanted) {
    if (line.editionId === null) continue;
    const taken = await takeStock(tx, {
      editionId: line.editionId,
      quantity: line.quantity,
      orderId,
      actorUserId: admin.id,
      note: 'review: marked paid',
    });
    if (!taken) throw new OutOfStock();
  }
}

/**
 * Cancels it: its stock goes back (if it had not), and `amountMinor` (what the customer actually
 * paid, as checked at the provider; zero for nothing) is refunded through the provider, never more
 * than total − refunded. The customer gets the cancellation mail, then the refund mail once the
 * provider confirms.
 */
export async function cancelReviewedOrder(
  admin: StaffUser,
  input: { orderId: number; amountMinor: number },
): Promise<MutationResult<{ productSlugs: string[] }>> {
  assertAdmin(admin, 'cancelReviewedOrder');
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 0) {
    return fail('invalid', { amount: 'amountInvalid' });
  }
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: input.orderId });
    if (!order) return fail('orderNotFound');
    if (order.status !== 'needs_review') return fail('cannotResolve');
    const [pending] = await tx
      .select({ n: count() })
      .from(refunds)
      .where(and(eq(refunds.orderId, order.id), isNull(refunds.providerRef)));
    // A refund the provider refused comes first: retrying it resolves the review.
    if ((pending?.n ?? 0) > 0) return fail('pendingRefunds');
    if (input.amountMinor > order.totalMinor - order.refundedMinor) return fail('invalid', { amount: 'amountTooHigh' });
    const [updated] = await tx
      .update(orders)
      .set({
        status: 'cancelled',
        cancelledAt: sql`coalesce(${orders.cancelledAt}, now())`,
        cancelReason: sql`coalesce(${orders.cancelReason}, 'admin')`,
        reviewReason: null,
        stockReleased: true,
        updatedAt: sql`now()`,
      })
      .where(and(eq(orders.id, order.id), eq(orders.status, 'needs_review')))
      .returning({ id: orders.id });
    if (!updated) return fail('cannotResolve');
    const refundId = await cancelledUnderReview(tx, admin, order, input.amountMinor);
    return {
      ok: true as const,
      refundId,
      productSlugs: order.stockReleased ? [] : await orderProductSlugs(tx, order.id),
    };
  });
  sendMailSoon();
  if (!claimed.ok) return claimed;
  if (claimed.refundId !== null && !(await executeRefund(claimed.refundId, staffActor(admin)))) {
    return fail('providerFailed');
  }
  return { ok: true, productSlugs: claimed.productSlugs };
}

/**
 * What follows the cancellation of an order under review, in its transaction: the order event, the
 * refund claim, the stock back (if it had not gone back yet), the review decision, the audit row and
 * the customer's mail. Returns the claimed refund's id (null for a zero amount).
 */
async function cancelledUnderReview(
  tx: Transaction,
  admin: StaffUser,
  order: LockedOrder,
  amountMinor: number,
): Promise<number | null> {
  await recordOrderEvent(tx, order.id, 'cancelled', staffActor(admin), { reason: 'admin' });
  const refund =
    amountMinor > 0
      ? await claimRefund(tx, {
          orderId: order.id,
          amountMinor,
          reason: 'review',
          actor: staffActor(admin),
          statuses: ['cancelled'],
        })
      : null;
  // The amount was checked against what is left under the row lock, so this cannot happen; if it
  // did, throwing rolls the cancellation back with it.
  if (amountMinor > 0 && !refund) throw new Error(`cancelReviewedOrder: refund of order ${order.id} did not fit`);
  if (!order.stockReleased) await releaseOrderStock(tx, order.id, 'cancel');
  await releaseOrderRentals(tx, order.id);
  await revokeOrderEntitlements(tx, order.id);
  await recordInternalEvent(tx, order.id, 'review_resolved', staffActor(admin), {
    decision: 'cancel',
    refundMinor: amountMinor,
  });
  await auditStaffChange(tx, admin, 'order.resolve', order.id, {
    before: { status: order.status, refundedMinor: order.refundedMinor, stockReleased: order.stockReleased },
    after: { status: 'cancelled', decision: 'cancel', refundMinor: amountMinor, refundId: refund?.refundId ?? null },
  });
  if (order.email) {
    await enqueueMail(tx, {
      to: order.email,
      locale: toLocale(order.locale),
      template: 'orderCancelled',
      data: { ...(await orderMailData(tx, order)), refundedMinor: 0, reason: 'admin' },
      dedupeKey: `order-cancelled:${order.id}`,
      userId: order.userId ?? undefined,
    });
  }
  return refund?.refundId ?? null;
}
