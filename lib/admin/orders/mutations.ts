import 'server-only';
import { sql } from 'drizzle-orm';
import { type Executor, getDb, queryRows, type Transaction } from '@/db';
import { recordAudit } from '@/lib/admin/audit';
import type { SessionUser } from '@/lib/auth/session';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import {
  type Actor,
  cancelUnpaidOrder,
  confirmPaidOrder,
  lockOrder,
  orderMailData,
  recordOrderEvent,
  releaseOrderStock,
} from '@/lib/orders/lifecycle';
import { cancelPaidOrder } from '@/lib/orders/mutations';
import { sealNote } from '@/lib/orders/sealed';
import { providerFor } from '@/lib/payments';
import { carrierName, type CarrierCode, trackingUrl } from './carriers';
import { type AdminResult, fail } from './result';
import { toLocale } from '@/lib/i18n/config';

/**
 * Staff changes to orders. Every status change is a conditional UPDATE on the current status inside
 * a transaction that also writes the order event (actor admin), the audit row and the customer's
 * mail (with a dedupe key), so a double click, two admins at once or a retry change the order once
 * and nothing is half-saved. Money leaves through the payment provider only after the refund is
 * claimed in the database, with the idempotency key `refund-<refundId>`.
 *
 * Every function takes the acting admin (from `asAdmin` in ./actions.ts) and refuses anyone else.
 */

export type AdminUser = SessionUser & { role: 'admin' };

function assertAdmin(admin: SessionUser): asserts admin is AdminUser {
  if (admin?.role !== 'admin') throw new Error('admin orders: an admin is required');
}

const actorOf = (admin: AdminUser): Actor => ({ kind: 'admin', userId: admin.id });

/** A staff-only timeline entry (never shown to the shopper). */
export async function recordInternalEvent(
  executor: Executor,
  orderId: number,
  type: string,
  actor: Actor,
  data: Record<string, unknown> = {},
): Promise<void> {
  await executor.execute(sql`insert into order_events (order_id, type, actor, actor_user_id, internal, data)
    values (${orderId}, ${type}, ${actor.kind}, ${actor.userId ?? null}, true, ${JSON.stringify(data)}::jsonb)`);
}

/** Product slugs of an order's lines (for cache invalidation after its stock moved). */
export async function orderProductSlugs(executor: Executor, orderId: number): Promise<string[]> {
  const rows = await queryRows<{ slug: string }>(
    executor,
    sql`select distinct product_slug as slug from order_lines where order_id = ${orderId} and not digital`,
  );
  return rows.map((row) => row.slug);
}

/**
 * paid → shipped, with a shipment (carrier, tracking number and the carrier's tracking URL). The
 * customer gets the "shipped" mail with the tracking link. Refused unless the order is paid, has
 * physical items and no shipment yet.
 */
export async function shipOrder(
  admin: SessionUser,
  input: { orderId: number; carrier: CarrierCode; carrierName?: string; trackingNumber: string },
): Promise<AdminResult> {
  assertAdmin(admin);
  const db = await getDb();
  const carrier = carrierName(input.carrier, input.carrierName);
  const url = trackingUrl(input.carrier, input.trackingNumber);
  const result = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: input.orderId });
    if (!order) return fail('orderNotFound');
    if (order.status !== 'paid') return fail('cannotShip');
    const [physical] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from order_lines where order_id = ${order.id} and not digital`,
    );
    if (!physical || Number(physical.n) === 0) return fail('nothingToShip');
    const [updated] = await queryRows<{ id: number }>(
      tx,
      sql`update orders set status = 'shipped', updated_at = now()
        where id = ${order.id} and status = 'paid'
          and not exists (select 1 from shipments where order_id = ${order.id})
        returning id`,
    );
    if (!updated) return fail('cannotShip');
    const [shipment] = await queryRows<{ id: number }>(
      tx,
      sql`insert into shipments (order_id, carrier, tracking_number, tracking_url)
        values (${order.id}, ${carrier}, ${input.trackingNumber}, ${url}) returning id`,
    );
    const details = { carrier, trackingNumber: input.trackingNumber, trackingUrl: url };
    await recordOrderEvent(tx, order.id, 'shipped', actorOf(admin), { ...details, shipmentId: shipment.id });
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'order.ship',
      entity: 'order',
      entityId: order.id,
      before: { status: order.status },
      after: { status: 'shipped', shipmentId: shipment.id, ...details },
    });
    if (order.email) {
      await enqueueMail(tx, {
        to: order.email,
        locale: toLocale(order.locale),
        template: 'orderShipped',
        data: { ...(await orderMailData(tx, order)), ...details },
        dedupeKey: `order-shipped:${order.id}`,
        userId: order.userId ?? undefined,
      });
    }
    return { ok: true as const };
  });
  sendMailSoon();
  return result;
}

/** shipped → delivered; the shipment gets its delivery time and the customer a mail. */
export async function markOrderDelivered(admin: SessionUser, orderId: number): Promise<AdminResult> {
  assertAdmin(admin);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return fail('orderNotFound');
    const [updated] = await queryRows<{ id: number }>(
      tx,
      sql`update orders set status = 'delivered', updated_at = now() where id = ${order.id} and status = 'shipped' returning id`,
    );
    if (!updated) return fail('cannotDeliver');
    await tx.execute(
      sql`update shipments set delivered_at = now() where order_id = ${order.id} and delivered_at is null`,
    );
    await recordOrderEvent(tx, order.id, 'delivered', actorOf(admin));
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'order.deliver',
      entity: 'order',
      entityId: order.id,
      before: { status: order.status },
      after: { status: 'delivered' },
    });
    if (order.email) {
      await enqueueMail(tx, {
        to: order.email,
        locale: toLocale(order.locale),
        template: 'orderDelivered',
        data: { name: order.name ?? '', number: order.number, orderUrl: secretLinks.order(order.id, order.number) },
        dedupeKey: `order-delivered:${order.id}`,
        userId: order.userId ?? undefined,
      });
    }
    return { ok: true as const };
  });
  sendMailSoon();
  return result;
}

/**
 * Cancels an order for staff: unpaid → cancelled with its stock back (lib/orders cancelUnpaidOrder,
 * reason "admin"), and the provider's payment page closed; paid and not shipped → cancelled, stock
 * back and refunded in full (lib/orders cancelPaidOrder). Both mail the customer. Returns the
 * products whose stock came back, for cache invalidation.
 */
export async function cancelOrderAsAdmin(
  admin: SessionUser,
  orderId: number,
): Promise<AdminResult<{ productSlugs: string[] }>> {
  assertAdmin(admin);
  const db = await getDb();
  const [current] = await queryRows<{ status: string; paymentRef: string | null; provider: 'stripe' | 'demo' }>(
    db,
    sql`select status, payment_ref as "paymentRef", payment_provider as provider from orders where id = ${orderId}`,
  );
  if (!current) return fail('orderNotFound');
  if (current.status === 'pending_payment') {
    const cancelled = await db.transaction(async (tx) => {
      if (!(await cancelUnpaidOrder(tx, { orderId }, 'admin', actorOf(admin)))) return false;
      await recordAudit(tx, {
        actorUserId: admin.id,
        action: 'order.cancel',
        entity: 'order',
        entityId: orderId,
        before: { status: 'pending_payment' },
        after: { status: 'cancelled', refundedMinor: 0 },
      });
      return true;
    });
    if (!cancelled) return fail('cannotCancel');
    sendMailSoon();
    if (current.paymentRef) {
      await (
        await providerFor(current.provider)
      )
        .cancelPayment(current.paymentRef)
        .catch((error: unknown) => console.error('[encore] cancelPayment', error));
    }
    return { ok: true, productSlugs: await orderProductSlugs(db, orderId) };
  }
  if (current.status === 'paid') {
    const result = await cancelPaidOrder(orderId, actorOf(admin), 'admin');
    if (!result.ok) return fail('cannotCancel');
    // cancelPaidOrder commits its own transaction (status, stock, refund claim, events, mail); the
    // audit row follows it, then the refund went to the provider.
    const [after] = await queryRows<{ status: string; refundedMinor: number }>(
      db,
      sql`select status, refunded_minor as "refundedMinor" from orders where id = ${orderId}`,
    );
    await recordAudit(db, {
      actorUserId: admin.id,
      action: 'order.cancel',
      entity: 'order',
      entityId: orderId,
      before: { status: 'paid' },
      after: { status: after?.status ?? 'cancelled', refundedMinor: after?.refundedMinor ?? null },
    });
    return { ok: true, productSlugs: await orderProductSlugs(db, orderId) };
  }
  return fail('cannotCancel');
}

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
    statuses: readonly string[];
    /** Extra data for the order event (for example the return it belongs to). */
    eventData?: Record<string, unknown>;
  },
): Promise<{ refundId: number; status: string; refundedMinor: number } | null> {
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) return null;
  const statuses = sql.join(
    input.statuses.map((status) => sql`${status}`),
    sql`, `,
  );
  const [claimed] = await queryRows<{ status: string; refundedMinor: number }>(
    tx,
    sql`update orders set refunded_minor = refunded_minor + ${input.amountMinor},
        status = case when refunded_minor + ${input.amountMinor} = total_minor and status in ('shipped', 'delivered')
          then 'refunded'::order_status else status end,
        updated_at = now()
      where id = ${input.orderId} and status::text in (${statuses})
        and refunded_minor + ${input.amountMinor} <= total_minor
      returning status, refunded_minor as "refundedMinor"`,
  );
  if (!claimed) return null;
  const [refund] = await queryRows<{ id: number }>(
    tx,
    sql`insert into refunds (order_id, amount_minor, reason, actor_user_id)
      values (${input.orderId}, ${input.amountMinor}, ${input.reason}, ${input.actor.userId ?? null}) returning id`,
  );
  await recordOrderEvent(tx, input.orderId, 'refunded', input.actor, {
    amountMinor: input.amountMinor,
    refundId: refund.id,
    ...input.eventData,
  });
  return { refundId: refund.id, status: claimed.status, refundedMinor: claimed.refundedMinor };
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
  const [refund] = await queryRows<{
    id: number;
    orderId: number;
    amountMinor: number;
    reason: string | null;
    providerRef: string | null;
    paymentRef: string | null;
    paymentIntentRef: string | null;
    provider: 'stripe' | 'demo';
  }>(
    db,
    sql`select r.id, r.order_id as "orderId", r.amount_minor as "amountMinor", r.reason, r.provider_ref as "providerRef",
        o.payment_ref as "paymentRef", o.payment_intent_ref as "paymentIntentRef", o.payment_provider as provider
      from refunds r join orders o on o.id = r.order_id where r.id = ${refundId}`,
  );
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
    const [recorded] = await queryRows<{ id: number }>(
      tx,
      sql`update refunds set provider_ref = ${refundRef} where id = ${refund.id} and provider_ref is null returning id`,
    );
    if (!recorded) return;
    const returnId = /^return:(\d+)$/.exec(refund.reason ?? '')?.[1];
    if (returnId) {
      await tx.execute(
        sql`update returns set status = 'refunded', updated_at = now() where id = ${Number(returnId)} and status = 'received'`,
      );
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
  admin: SessionUser,
  input: { orderId: number; amountMinor: number; reason: string },
): Promise<AdminResult<{ refundId: number }>> {
  assertAdmin(admin);
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    return fail('invalid', { amount: 'amountInvalid' });
  }
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: input.orderId });
    if (!order) return fail('orderNotFound');
    if (!['paid', 'shipped', 'delivered'].includes(order.status)) return fail('cannotRefund');
    const refund = await claimRefund(tx, {
      orderId: order.id,
      amountMinor: input.amountMinor,
      reason: input.reason || null,
      actor: actorOf(admin),
      statuses: ['paid', 'shipped', 'delivered'],
    });
    if (!refund) return fail('invalid', { amount: 'amountTooHigh' });
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'order.refund',
      entity: 'order',
      entityId: order.id,
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
  const sent = await executeRefund(claimed.refundId, actorOf(admin));
  return sent ? claimed : fail('providerFailed');
}

/**
 * Retries every refund of an order that the provider has not confirmed yet (same idempotency keys).
 * When they all went through and the order was waiting for review, it goes back to the status its
 * facts say (cancelled, refunded, delivered, shipped or paid).
 */
export async function retryOrderRefunds(admin: SessionUser, orderId: number): Promise<AdminResult> {
  assertAdmin(admin);
  const db = await getDb();
  const pending = await queryRows<{ id: number }>(
    db,
    sql`select id from refunds where order_id = ${orderId} and provider_ref is null order by id`,
  );
  if (pending.length === 0) return fail('nothingToRetry');
  let allSent = true;
  for (const refund of pending) {
    if (!(await executeRefund(refund.id, actorOf(admin)))) allSent = false;
  }
  await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: orderId });
    if (!order) return;
    let restored: string | null = null;
    if (allSent && order.status === 'needs_review') {
      const [next] = await queryRows<{ status: string | null }>(
        tx,
        sql`select case
            when o.cancelled_at is not null then 'cancelled'
            when exists (select 1 from shipments s where s.order_id = o.id) and o.refunded_minor = o.total_minor then 'refunded'
            when exists (select 1 from shipments s where s.order_id = o.id and s.delivered_at is not null) then 'delivered'
            when exists (select 1 from shipments s where s.order_id = o.id) then 'shipped'
            when o.paid_at is not null then 'paid'
          end as status
          from orders o where o.id = ${orderId}`,
      );
      if (next?.status) {
        await tx.execute(sql`update orders set status = ${next.status}::order_status, review_reason = null, updated_at = now()
          where id = ${orderId} and status = 'needs_review'`);
        await recordInternalEvent(tx, orderId, 'review_resolved', actorOf(admin), {
          decision: 'retryRefunds',
          status: next.status,
        });
        restored = next.status;
      }
    }
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'order.refund_retry',
      entity: 'order',
      entityId: orderId,
      before: { status: order.status, pendingRefunds: pending.map((r) => r.id) },
      after: { status: restored ?? order.status, allSent },
    });
  });
  return allSent ? { ok: true } : fail('providerFailed');
}

/** A staff-only note on the order's timeline (internal: the shopper never sees it). */
export async function addOrderNote(admin: SessionUser, input: { orderId: number; note: string }): Promise<AdminResult> {
  assertAdmin(admin);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [order] = await queryRows<{ id: number }>(tx, sql`select id from orders where id = ${input.orderId}`);
    if (!order) return fail('orderNotFound');
    // The note is encrypted on the timeline; the audit log records that it was written, not what it says.
    await recordInternalEvent(tx, order.id, 'note', actorOf(admin), { text: sealNote(input.note) });
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'order.note',
      entity: 'order',
      entityId: order.id,
      after: { noteCharacters: input.note.length },
    });
    return { ok: true as const };
  });
}

/**
 * Resolves an order waiting for review after staff checked the payment at the provider: it was paid
 * after all. The order becomes `paid` (stock taken again if it had been released, refused when there
 * is not enough any more), the confirmation mail goes out (once) and purchase signals are recorded.
 * Refused for orders with any refund.
 */
export async function markReviewedOrderPaid(
  admin: SessionUser,
  orderId: number,
): Promise<AdminResult<{ productSlugs: string[] }>> {
  assertAdmin(admin);
  const db = await getDb();
  class OutOfStock extends Error {}
  try {
    const result = await db.transaction(async (tx) => {
      const order = await lockOrder(tx, { id: orderId });
      if (!order) return fail('orderNotFound');
      if (order.status !== 'needs_review') return fail('cannotResolve');
      const [refunds] = await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from refunds where order_id = ${orderId}`,
      );
      if (order.refundedMinor > 0 || Number(refunds?.n ?? 0) > 0) return fail('cannotMarkPaid');
      if (order.stockReleased) {
        // The stock went back when the order was cancelled: take it again, never below zero.
        const wanted = await queryRows<{ editionId: number; quantity: number }>(
          tx,
          sql`select edition_id as "editionId", sum(quantity)::int as quantity from order_lines
            where order_id = ${orderId} and not digital and edition_id is not null
            group by edition_id order by edition_id`,
        );
        for (const line of wanted) {
          const [taken] = await queryRows<{ id: number }>(
            tx,
            sql`update editions set stock = stock - ${line.quantity}, updated_at = now()
              where id = ${line.editionId} and stock >= ${line.quantity} returning id`,
          );
          if (!taken) throw new OutOfStock();
          await tx.execute(sql`insert into stock_movements (edition_id, delta, reason, order_id, actor_user_id, note)
            values (${line.editionId}, ${-line.quantity}, 'order', ${orderId}, ${admin.id}, 'review: marked paid')`);
        }
      }
      await tx.execute(sql`update orders set status = 'paid', paid_at = coalesce(paid_at, now()), review_reason = null,
          cancelled_at = null, cancel_reason = null, stock_released = false, updated_at = now()
        where id = ${orderId} and status = 'needs_review'`);
      await recordInternalEvent(tx, orderId, 'review_resolved', actorOf(admin), { decision: 'markPaid' });
      await recordOrderEvent(tx, orderId, 'paid', actorOf(admin), { reviewed: true });
      await recordAudit(tx, {
        actorUserId: admin.id,
        action: 'order.resolve',
        entity: 'order',
        entityId: orderId,
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
 * Resolves an order waiting for review by cancelling it: its stock goes back (if it had not), and
 * `amountMinor` (what the customer actually paid, as checked at the provider; zero for nothing) is
 * refunded through the provider, never more than total − refunded. The customer gets the
 * cancellation mail, then the refund mail once the provider confirms.
 */
export async function cancelReviewedOrder(
  admin: SessionUser,
  input: { orderId: number; amountMinor: number },
): Promise<AdminResult<{ productSlugs: string[] }>> {
  assertAdmin(admin);
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor < 0) {
    return fail('invalid', { amount: 'amountInvalid' });
  }
  const db = await getDb();
  const claimed = await db.transaction(async (tx) => {
    const order = await lockOrder(tx, { id: input.orderId });
    if (!order) return fail('orderNotFound');
    if (order.status !== 'needs_review') return fail('cannotResolve');
    const [pending] = await queryRows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from refunds where order_id = ${order.id} and provider_ref is null`,
    );
    // A refund the provider refused comes first: retrying it resolves the review.
    if (Number(pending?.n ?? 0) > 0) return fail('pendingRefunds');
    if (input.amountMinor > order.totalMinor - order.refundedMinor) return fail('invalid', { amount: 'amountTooHigh' });
    const [updated] = await queryRows<{ id: number }>(
      tx,
      sql`update orders set status = 'cancelled', cancelled_at = coalesce(cancelled_at, now()),
          cancel_reason = coalesce(cancel_reason, 'admin'), review_reason = null, stock_released = true, updated_at = now()
        where id = ${order.id} and status = 'needs_review' returning id`,
    );
    if (!updated) return fail('cannotResolve');
    await recordOrderEvent(tx, order.id, 'cancelled', actorOf(admin), { reason: 'admin' });
    const refund =
      input.amountMinor > 0
        ? await claimRefund(tx, {
            orderId: order.id,
            amountMinor: input.amountMinor,
            reason: 'review',
            actor: actorOf(admin),
            statuses: ['cancelled'],
          })
        : null;
    // The amount was checked against what is left under the row lock, so this cannot happen; if it
    // did, throwing rolls the cancellation back with it.
    if (input.amountMinor > 0 && !refund)
      throw new Error(`cancelReviewedOrder: refund of order ${order.id} did not fit`);
    if (!order.stockReleased) await releaseOrderStock(tx, order.id, 'cancel');
    await recordInternalEvent(tx, order.id, 'review_resolved', actorOf(admin), {
      decision: 'cancel',
      refundMinor: input.amountMinor,
    });
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'order.resolve',
      entity: 'order',
      entityId: order.id,
      before: { status: order.status, refundedMinor: order.refundedMinor, stockReleased: order.stockReleased },
      after: {
        status: 'cancelled',
        decision: 'cancel',
        refundMinor: input.amountMinor,
        refundId: refund?.refundId ?? null,
      },
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
    return {
      ok: true as const,
      refundId: refund?.refundId ?? null,
      productSlugs: order.stockReleased ? [] : await orderProductSlugs(tx, order.id),
    };
  });
  sendMailSoon();
  if (!claimed.ok) return claimed;
  if (claimed.refundId !== null && !(await executeRefund(claimed.refundId, actorOf(admin)))) {
    return fail('providerFailed');
  }
  return { ok: true, productSlugs: claimed.productSlugs };
}
