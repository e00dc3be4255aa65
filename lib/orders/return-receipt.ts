import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { fail, type MutationResult } from '@/lib/http/result';
import { returnToStock } from '@/lib/inventory/movements';
import { afterRestock } from './back-in-stock';
import { type LockedOrder, lockOrder, recordOrderEvent } from './lifecycle';
import { claimRefund, executeRefund } from './refunds';
import { acceptableUnitsSql } from './return-amounts';
import { lockReturn } from './return-decisions';
import { orderLines, refunds, returnLines, returns } from './schema';
import { auditStaffChange, staffActor, type OrderStatus } from './staff';

/**
 * Staff receive an approved return (RMA): approved → received (resellable units back on the shelf
 * as `return` ledger rows, a refund claimed) → refunded once the payment provider confirms the
 * refund (./refunds.ts, executeRefund). One transaction with the order event, the audit row and the
 * refund claim; nothing is saved if any line is invalid.
 */

/** Order statuses a return's refund can be taken from. */
const REFUNDABLE = ['paid', 'shipped', 'delivered'] as const satisfies readonly OrderStatus[];

type Failure = { ok: false; error: string; fieldErrors?: Record<string, string> };

/** Rolls the receipt's transaction back with an answer for the form. */
class ReceiveAbort extends Error {
  constructor(readonly result: Failure) {
    super(result.error);
  }
}

type Received = { refundId: number | null; slugs: string[]; availabilityChanged: boolean };

/**
 * approved → received: for each returned line, `resellable` units (0 … its acceptable units) go back
 * on the shelf as `return` ledger rows (digital lines never do), and `refundMinor` (0 for none) is
 * claimed against the order — never more than total − refunded — then sent to the provider; when it
 * goes through the return becomes `refunded` and the customer gets the refund mail. Returns the
 * products whose stock changed (for cache invalidation). Nothing is saved if any line is invalid.
 */
export async function receiveReturn(
  admin: StaffUser,
  input: { returnId: number; lines: { returnLineId: number; resellable: number }[]; refundMinor: number },
): Promise<
  MutationResult<{ productSlugs: string[]; availabilityChanged: boolean; refunded: boolean; refundFailed: boolean }>
> {
  assertAdmin(admin, 'receiveReturn');
  if (!Number.isSafeInteger(input.refundMinor) || input.refundMinor < 0) {
    return fail('invalid', { amount: 'amountInvalid' });
  }
  const db = await getDb();
  let claimed: Received;
  try {
    claimed = await db.transaction(async (tx) => {
      const found = await lockReturn(tx, input.returnId);
      if (!found) throw new ReceiveAbort(fail('returnNotFound'));
      const order = await lockOrder(tx, { id: found.orderId });
      if (!order) throw new ReceiveAbort(fail('orderNotFound'));
      const [updated] = await tx
        .update(returns)
        .set({ status: 'received', updatedAt: sql`now()` })
        .where(and(eq(returns.id, found.id), eq(returns.status, 'approved')))
        .returning({ id: returns.id });
      if (!updated) throw new ReceiveAbort(fail('cannotReceive'));
      const shelf = await restockReturnedLines(tx, admin, order, found.id, input.lines);
      const refundId = await claimReturnRefund(tx, admin, order, found.id, input.refundMinor, shelf.restocked);
      await auditStaffChange(tx, admin, 'return.receive', found.id, {
        before: { status: found.status },
        after: { status: 'received', restocked: shelf.restocked, refundMinor: input.refundMinor, refundId },
      });
      return { refundId, slugs: shelf.slugs, availabilityChanged: shelf.availabilityChanged };
    });
  } catch (error) {
    if (error instanceof ReceiveAbort) return error.result;
    throw error;
  }
  const base = { productSlugs: claimed.slugs, availabilityChanged: claimed.availabilityChanged };
  if (claimed.refundId === null) return { ok: true, ...base, refunded: false, refundFailed: false };
  // The return is received and its stock is back whatever the provider says; a refused refund stays
  // pending (retry from the return's page).
  const sent = await executeRefund(claimed.refundId, staffActor(admin));
  return { ok: true, ...base, refunded: sent, refundFailed: !sent };
}

/**
 * Puts each line's resellable units back on the shelf, editions in id order (like checkout and
 * cancellation, so concurrent writers lock rows in one order). Throws ReceiveAbort when a line is
 * not the return's or asks for more than its acceptable units.
 */
async function restockReturnedLines(
  tx: Transaction,
  admin: StaffUser,
  order: LockedOrder,
  returnId: number,
  wantedLines: { returnLineId: number; resellable: number }[],
): Promise<{ restocked: { editionId: number; quantity: number }[]; slugs: string[]; availabilityChanged: boolean }> {
  const lines = await tx
    .select({
      id: returnLines.id,
      acceptable: sql<number>`${acceptableUnitsSql('return_lines', 'order_lines')}`,
      editionId: orderLines.editionId,
      digital: orderLines.digital,
      slug: orderLines.productSlug,
    })
    .from(returnLines)
    .innerJoin(orderLines, eq(orderLines.id, returnLines.orderLineId))
    .where(eq(returnLines.returnId, returnId))
    .orderBy(asc(returnLines.id));
  const wanted = new Map(wantedLines.map((line) => [line.returnLineId, line.resellable]));
  for (const key of wanted.keys()) {
    if (!lines.some((line) => line.id === key)) throw new ReceiveAbort(fail('invalid', { lines: 'resellableInvalid' }));
  }
  const restocked: { editionId: number; quantity: number }[] = [];
  const slugs = new Set<string>();
  let availabilityChanged = false;
  const byEdition = [...lines].sort((x, y) => (x.editionId ?? 0) - (y.editionId ?? 0) || x.id - y.id);
  for (const line of byEdition) {
    const resellable = wanted.get(line.id) ?? 0;
    if (!Number.isInteger(resellable) || resellable < 0 || resellable > line.acceptable) {
      throw new ReceiveAbort(fail('invalid', { [`resellable-${line.id}`]: 'resellableTooMany' }));
    }
    if (resellable === 0 || line.digital || line.editionId === null) continue;
    const stock = await returnToStock(tx, {
      editionId: line.editionId,
      quantity: resellable,
      orderId: order.id,
      actorUserId: admin.id,
      note: `return:${returnId}`,
    });
    if (!stock) continue; // The edition was deleted since: nothing to put back.
    restocked.push({ editionId: line.editionId, quantity: resellable });
    slugs.add(line.slug);
    if (stock.before <= 0) {
      availabilityChanged = true;
      await afterRestock(tx, line.editionId);
    }
  }
  return { restocked, slugs: [...slugs], availabilityChanged };
}

/**
 * Checks `refundMinor` against the order (refundable status, never more than total − refunded),
 * records the receipt on the order's timeline and claims the refund. Returns the refund's id, or
 * null for none.
 */
async function claimReturnRefund(
  tx: Transaction,
  admin: StaffUser,
  order: LockedOrder,
  returnId: number,
  refundMinor: number,
  restocked: { editionId: number; quantity: number }[],
): Promise<number | null> {
  if (refundMinor > 0 && !(REFUNDABLE as readonly string[]).includes(order.status)) {
    throw new ReceiveAbort(fail('invalid', { amount: 'cannotRefund' }));
  }
  if (refundMinor > order.totalMinor - order.refundedMinor) {
    throw new ReceiveAbort(fail('invalid', { amount: 'amountTooHigh' }));
  }
  await recordOrderEvent(tx, order.id, 'return_received', staffActor(admin), { returnId, restocked });
  if (refundMinor === 0) return null;
  const refund = await claimRefund(tx, {
    orderId: order.id,
    amountMinor: refundMinor,
    reason: `return:${returnId}`,
    actor: staffActor(admin),
    statuses: REFUNDABLE,
    eventData: { returnId },
  });
  if (!refund) throw new ReceiveAbort(fail('invalid', { amount: 'amountTooHigh' }));
  return refund.refundId;
}

/** Sends a received return's refund to the provider again, when it failed the first time. */
export async function retryReturnRefund(admin: StaffUser, returnId: number): Promise<MutationResult> {
  assertAdmin(admin, 'retryReturnRefund');
  const db = await getDb();
  const [refund] = await db
    .select({ id: refunds.id })
    .from(refunds)
    .innerJoin(returns, eq(returns.orderId, refunds.orderId))
    .where(
      and(
        eq(returns.id, returnId),
        eq(returns.status, 'received'),
        eq(refunds.reason, `return:${returnId}`),
        isNull(refunds.providerRef),
      ),
    )
    .orderBy(asc(refunds.id))
    .limit(1);
  if (!refund) return fail('nothingToRetry');
  const sent = await executeRefund(refund.id, staffActor(admin));
  await auditStaffChange(db, admin, 'return.refund_retry', returnId, {
    after: { refundId: refund.id, sent },
  });
  return sent ? { ok: true } : fail('providerFailed');
}
