import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { fail, type MutationResult } from '@/lib/http/result';
import { toLocale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import { must } from '@/lib/must';
import { providerFor } from '@/lib/payments';
import { type Actor, lockOrder, recordInternalEvent, recordOrderEvent } from './lifecycle';
import { revokeOrderEntitlements } from './library-sql';
import { orders, refunds, returns } from './schema';
import { auditStaffChange, staffActor, type OrderStatus } from './staff';

/**
 * Refunds, in two steps. The refund is first claimed in the database (`claimRefund`, in the
 * caller's transaction: a conditional UPDATE that can never refund past the total); money leaves
 * through the payment provider only after that commits (`executeRefund`, idempotency key
 * `refund-<refundId>`), so a retry never pays twice.
 */

/** Order statuses staff can refund from. */
const REFUNDABLE = ['paid', 'shipped', 'delivered'] as const satisfies readonly OrderStatus[];

/**
 * Claims a refund in the caller's transaction: adds `amountMinor` to the order's refunded amount
 * with a conditional UPDATE that can never take it past the total (so concurrent refunds that
 * together exceed what is left cannot both succeed), moves a shipped or delivered order that is now
 * refunded in full to `refunded`, and writes the refund row and the order event. Returns the refund
 * id, or null when the amount does not fit (or the order is not in `statuses`).
 */
export async function claimRefund(
  tx: Transaction,
  input: {
    orderId: number;
    amountMinor: number;
    reason: string | null;
    actor: Actor;
    statuses: readonly OrderStatus[];
    /** Extra data for the order event (for example the return it belongs to). */
    eventData?: Record<string, unknown>;
  },
): Promise<{ refundId: number; status: OrderStatus; refundedMinor: number } | null> {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) return null;
  const refunded = sql`${orders.refundedMinor} + ${input.amountMinor}`;
  const [claimed] = await tx
    .update(orders)
    .set({
      refundedMinor: refunded,
      status: sql`case when ${refunded} = ${orders.totalMinor} and ${orders.status} in ('shipped', 'delivered')
        then 'refunded'::order_status else ${orders.status} end`,
      updatedAt: sql`now()`,
    })
    .where(
      and(
        eq(orders.id, input.orderId),
        inArray(orders.status, [...input.statuses]),
        sql`${refunded} <= ${orders.totalMinor}`,
      ),
    )
    .returning({
      status: orders.status,
      refundedMinor: orders.refundedMinor,
      full: sql<boolean>`${orders.refundedMinor} = ${orders.totalMinor}`,
    });
  if (!claimed) return null;
  // Refunded in full: what the order put in the shopper's library goes with it.
  if (claimed.full) await revokeOrderEntitlements(tx, input.orderId);
  const [refund] = await tx
    .insert(refunds)
    .values({
      orderId: input.orderId,
      amountMinor: input.amountMinor,
      reason: input.reason,
      actorUserId: input.actor.userId ?? null,
    })
    .returning({ id: refunds.id });
  const refundId = must(refund, 'the inserted refund').id;
  await recordOrderEvent(tx, input.orderId, 'refunded', input.actor, {
    amountMinor: input.amountMinor,
    refundId,
    ...input.eventData,
  });
  return { refundId, status: claimed.status, refundedMinor: claimed.refundedMinor };
}

/**
 * Sends a claimed refund to the payment provider (idempotency key `refund-<refundId>`, so a retry
 * never pays twice), then records the provider's reference, mails the customer ("refund issued"),
 * and moves a return it belongs to (reason `return:<id>`) to `refunded`. A refund that already has
 * a reference is left alone. When the provider fails, the refund stays pending (no reference), an
 * internal event says so, and staff can retry it from the order page.
 */
export async function executeRefund(refundId: number, actor: Actor): Promise<boolean> {
  const db = await getDb();
  const [refund] = await db
    .select({
      id: refunds.id,
      orderId: refunds.orderId,
      amountMinor: refunds.amountMinor,
      reason: refunds.reason,
      providerRef: refunds.providerRef,
      paymentRef: orders.paymentRef,
      paymentIntentRef: orders.paymentIntentRef,
      provider: orders.paymentProvider,
    })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(eq(refunds.id, refundId));
  if (!refund) return false;
  if (refund.providerRef) return true;
  let refundRef: string;
  try {
    const provider = await providerFor(refund.provider);
    ({ refundRef } = await provider.refund({
      paymentRef: refund.paymentRef ?? '',
      paymentIntentRef: refund.paymentIntentRef,
      amountMinor: refund.amountMinor,
      idempotencyKey: `refund-${refund.id}`,
    }));
  } catch (error) {
    console.error(`[encore] Refund ${refund.id} of order ${refund.orderId} failed:`, error);
    await recordInternalEvent(db, refund.orderId, 'refund_failed', actor, {
      refundId: refund.id,
      amountMinor: refund.amountMinor,
      message: (error instanceof Error ? error.message : String(error)).slice(0, 300),
    });
    return false;
  }
  await db.transaction(async (tx) => {
    const [recorded] = await tx
      .update(refunds)
      .set({ providerRef: refundRef })
      .where(and(eq(refunds.id, refund.id), isNull(refunds.providerRef)))
      .returning({ id: refunds.id });
    if (!recorded) return;
    const returnId = /^return:(\d+)$/.exec(refund.reason ?? '')?.[1];
    if (returnId) {
      await tx
        .update(returns)
        .set({ status: 'refunded', updatedAt: sql`now()` })
        .where(and(eq(returns.id, Number(returnId)), eq(returns.status, 'received')));
    }
    const order = await lockOrder(tx, { id: refund.orderId });
    if (order?.email) {
      await enqueueMail(tx, {
        to: order.email,
        locale: toLocale(order.locale),
        template: 'refundIssued',
        data: {
          name: order.name ?? '',
          number: order.number,
          orderUrl: secretLinks.order(order.id, order.number),
          currency: order.currency,
          amountMinor: refund.amountMinor,
          refundedTotalMinor: order.refundedMinor,
          totalMinor: order.totalMinor,
        },
        dedupeKey: `refund-issued:${refund.id}`,
        userId: order.userId ?? undefined,
      });
    }
  });
  sendMailSoon();
  return true;
}

/**
 * Refunds part or all of a paid, shipped or delivered order through its payment provider: never
 * more than what is left (total − refunded), even with several admins refunding at once. A full
 * refund of a shipped or delivered order makes it `refunded`. Audit row with the reason.
 */
export async function refundOrder(
  admin: StaffUser,
  input: { orderId: number; amountMinor: number; reason: string },
): Promise<MutationResult<{ refundId: number }>> {
  assertAdmin(admin, 'refundOrder');
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    return fail('invalid', { amount: 'amountInvalid' });
  }
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: input.orderId });
    if (!order) return fail('orderNotFound');
    if (!(REFUNDABLE as readonly string[]).includes(order.status)) return fail('cannotRefund');
    const refund = await claimRefund(tx, {
      orderId: order.id,
      amountMinor: input.amountMinor,
      reason: input.reason || null,
      actor: staffActor(admin),
      statuses: REFUNDABLE,
    });
    if (!refund) return fail('invalid', { amount: 'amountTooHigh' });
    await auditStaffChange(tx, admin, 'order.refund', order.id, {
      before: { status: order.status, refundedMinor: order.refundedMinor },
      after: {
        status: refund.status,
        refundedMinor: refund.refundedMinor,
        refundId: refund.refundId,
        amountMinor: input.amountMinor,
        reason: input.reason || null,
      },
    });
    return { ok: true as const, refundId: refund.refundId };
  });
  if (!claimed.ok) return claimed;
  const sent = await executeRefund(claimed.refundId, staffActor(admin));
  return sent ? claimed : fail('providerFailed');
}

/**
 * The status an order's facts say it has (cancelled, refunded, delivered, shipped or paid), for an
 * order that leaves review; null when none applies.
 */
// Written with the table's name: Drizzle leaves columns unqualified in a one-table select, and inside
// the subqueries an unqualified `id` would be the shipment's.
const statusFromFacts = sql<OrderStatus | null>`case
    when orders.cancelled_at is not null then 'cancelled'
    when exists (select 1 from shipments s where s.order_id = orders.id) and orders.refunded_minor = orders.total_minor then 'refunded'
    when exists (select 1 from shipments s where s.order_id = orders.id and s.delivered_at is not null) then 'delivered'
    when exists (select 1 from shipments s where s.order_id = orders.id) then 'shipped'
    when orders.paid_at is not null then 'paid'
  end`;

/**
 * Retries every refund of an order that the provider has not confirmed yet (same idempotency keys).
 * When they all went through and the order was waiting for review, it goes back to the status its
 * facts say (cancelled, refunded, delivered, shipped or paid).
 */
export async function retryOrderRefunds(admin: StaffUser, orderId: number): Promise<MutationResult> {
  assertAdmin(admin, 'retryOrderRefunds');
  const db = await getDb();
  const pending = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.orderId, orderId), isNull(refunds.providerRef)))
    .orderBy(asc(refunds.id));
  if (pending.length === 0) return fail('nothingToRetry');
  let allSent = true;
  for (const refund of pending) {
    if (!(await executeRefund(refund.id, staffActor(admin)))) allSent = false;
  }
  await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return;
    let restored: OrderStatus | null = null;
    if (allSent && order.status === 'needs_review') {
      const [next] = await tx.select({ status: statusFromFacts }).from(orders).where(eq(orders.id, orderId));
      if (next?.status) {
        await tx
          .update(orders)
          .set({ status: next.status, reviewReason: null, updatedAt: sql`now()` })
          .where(and(eq(orders.id, orderId), eq(orders.status, 'needs_review')));
        await recordInternalEvent(tx, orderId, 'review_resolved', staffActor(admin), {
          decision: 'retryRefunds',
          status: next.status,
        });
        restored = next.status;
      }
    }
    await auditStaffChange(tx, admin, 'order.refund_retry', orderId, {
      before: { status: order.status, pendingRefunds: pending.map((r) => r.id) },
      after: { status: restored ?? order.status, allSent },
    });
  });
  return allSent ? { ok: true } : fail('providerFailed');
}
