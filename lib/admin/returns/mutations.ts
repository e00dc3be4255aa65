import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, queryRows, type Transaction } from '@/db';
import { recordAudit } from '@/lib/admin/audit';
import { claimRefund, executeRefund } from '@/lib/admin/orders/mutations';
import { lockOrder } from '@/lib/orders/lifecycle';
import { type AdminResult, fail } from '@/lib/admin/orders/result';
import { afterRestock } from '@/lib/admin/stock/hooks';
import type { SessionUser } from '@/lib/auth/session';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import { type Actor, recordOrderEvent } from '@/lib/orders/lifecycle';
import { acceptableUnitsSql } from './return-amounts';
import type { ReturnStatus } from './validation';
import { toLocale } from '@/lib/i18n/config';

/**
 * Staff decisions on return requests (RMA): requested → approved | rejected; approved → received
 * (resellable units back on the shelf as `return` ledger rows, a refund claimed) → refunded once the
 * payment provider confirms the refund. Each step is a conditional UPDATE on the return's status in
 * one transaction with its order event (actor admin), audit row and customer mail (dedupe keys).
 */

function assertAdmin(admin: SessionUser): asserts admin is SessionUser & { role: 'admin' } {
  if (admin?.role !== 'admin') throw new Error('admin returns: an admin is required');
}

const actorOf = (admin: SessionUser): Actor => ({ kind: 'admin', userId: admin.id });

/** How a return is named to customers and on parcels. */
export const returnNumber = (returnId: number) => `R-${returnId}`;

type LockedReturn = { id: number; orderId: number; status: ReturnStatus };

async function lockReturn(tx: Transaction, returnId: number): Promise<LockedReturn | null> {
  const [row] = await queryRows<LockedReturn>(
    tx,
    sql`select id, order_id as "orderId", status from returns where id = ${returnId} for update`,
  );
  return row ?? null;
}

async function decide(
  admin: SessionUser,
  input: { returnId: number; message: string },
  decision: 'approved' | 'rejected',
): Promise<AdminResult> {
  assertAdmin(admin);
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const found = await lockReturn(tx, input.returnId);
    if (!found) return fail('returnNotFound');
    const [updated] = await queryRows<{ id: number }>(
      tx,
      sql`update returns set status = ${decision}, updated_at = now()
        where id = ${found.id} and status = 'requested' returning id`,
    );
    if (!updated) return fail('cannotDecide');
    const order = await lockOrder(tx, { id: found.orderId });
    if (!order) return fail('orderNotFound');
    await recordOrderEvent(
      tx,
      order.id,
      decision === 'approved' ? 'return_approved' : 'return_rejected',
      actorOf(admin),
      {
        returnId: found.id,
        ...(input.message ? { message: input.message } : {}),
      },
    );
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: decision === 'approved' ? 'return.approve' : 'return.reject',
      entity: 'return',
      entityId: found.id,
      before: { status: found.status },
      after: { status: decision, message: input.message || null },
    });
    if (order.email) {
      const common = {
        name: order.name ?? '',
        number: order.number,
        orderUrl: secretLinks.order(order.id, order.number),
      };
      if (decision === 'approved') {
        await enqueueMail(tx, {
          to: order.email,
          locale: toLocale(order.locale),
          template: 'returnApproved',
          data: { ...common, returnNumber: returnNumber(found.id), message: input.message },
          dedupeKey: `return-approved:${found.id}`,
          userId: order.userId ?? undefined,
        });
      } else {
        await enqueueMail(tx, {
          to: order.email,
          locale: toLocale(order.locale),
          template: 'returnRejected',
          data: { ...common, reason: input.message },
          dedupeKey: `return-rejected:${found.id}`,
          userId: order.userId ?? undefined,
        });
      }
    }
    return { ok: true as const };
  });
  sendMailSoon();
  return result;
}

/** requested → approved; the customer gets the instructions (and staff's message, if any). */
export function approveReturn(admin: SessionUser, input: { returnId: number; message: string }): Promise<AdminResult> {
  return decide(admin, input, 'approved');
}

/** requested → rejected; the customer gets staff's reason. */
export function rejectReturn(admin: SessionUser, input: { returnId: number; message: string }): Promise<AdminResult> {
  return decide(admin, input, 'rejected');
}

/** Order statuses a return's refund can be taken from. */
const REFUNDABLE: readonly string[] = ['paid', 'shipped', 'delivered'];

class ReceiveAbort extends Error {
  constructor(readonly result: { ok: false; error: string; fieldErrors?: Record<string, string> }) {
    super(result.error);
  }
}

/**
 * approved → received: for each returned line, `resellable` units (0 … its acceptable units) go back
 * on the shelf as `return` ledger rows (digital lines never do), and `refundMinor` (0 for none) is
 * claimed against the order — never more than total − refunded — then sent to the provider; when it
 * goes through the return becomes `refunded` and the customer gets the refund mail. Returns the
 * products whose stock changed (for cache invalidation). Nothing is saved if any line is invalid.
 */
export async function receiveReturn(
  admin: SessionUser,
  input: { returnId: number; lines: { returnLineId: number; resellable: number }[]; refundMinor: number },
): Promise<
  AdminResult<{ productSlugs: string[]; availabilityChanged: boolean; refunded: boolean; refundFailed: boolean }>
> {
  assertAdmin(admin);
  if (!Number.isSafeInteger(input.refundMinor) || input.refundMinor < 0) {
    return fail('invalid', { amount: 'amountInvalid' });
  }
  const db = await getDb();
  let claimed: { refundId: number | null; slugs: string[]; availabilityChanged: boolean };
  try {
    claimed = await db.transaction(async (tx) => {
      const found = await lockReturn(tx, input.returnId);
      if (!found) throw new ReceiveAbort(fail('returnNotFound'));
      const order = await lockOrder(tx, { id: found.orderId });
      if (!order) throw new ReceiveAbort(fail('orderNotFound'));
      const [updated] = await queryRows<{ id: number }>(
        tx,
        sql`update returns set status = 'received', updated_at = now()
          where id = ${found.id} and status = 'approved' returning id`,
      );
      if (!updated) throw new ReceiveAbort(fail('cannotReceive'));
      const lines = await queryRows<{
        id: number;
        quantity: number;
        acceptable: number;
        editionId: number | null;
        digital: boolean;
        slug: string;
      }>(
        tx,
        sql`select rl.id, rl.quantity, ${acceptableUnitsSql('rl', 'l')} as acceptable, l.edition_id as "editionId",
            l.digital, l.product_slug as slug
          from return_lines rl join order_lines l on l.id = rl.order_line_id
          where rl.return_id = ${found.id} order by rl.id`,
      );
      const wanted = new Map(input.lines.map((line) => [line.returnLineId, line.resellable]));
      for (const key of wanted.keys()) {
        if (!lines.some((line) => line.id === key))
          throw new ReceiveAbort(fail('invalid', { lines: 'resellableInvalid' }));
      }
      const restocked: { editionId: number; quantity: number }[] = [];
      const slugs = new Set<string>();
      let availabilityChanged = false;
      // Editions in id order, like checkout and cancellation, so concurrent writers lock rows in one order.
      const byEdition = [...lines].sort((x, y) => (x.editionId ?? 0) - (y.editionId ?? 0) || x.id - y.id);
      for (const line of byEdition) {
        const resellable = wanted.get(line.id) ?? 0;
        if (!Number.isInteger(resellable) || resellable < 0 || resellable > line.acceptable) {
          throw new ReceiveAbort(fail('invalid', { [`resellable-${line.id}`]: 'resellableTooMany' }));
        }
        if (resellable === 0 || line.digital || line.editionId === null) continue;
        const [edition] = await queryRows<{ stock: number }>(
          tx,
          sql`update editions set stock = stock + ${resellable}, updated_at = now() where id = ${line.editionId} returning stock`,
        );
        if (!edition) continue; // The edition was deleted since: nothing to put back.
        await tx.execute(sql`insert into stock_movements (edition_id, delta, reason, order_id, actor_user_id, note)
          values (${line.editionId}, ${resellable}, 'return', ${order.id}, ${admin.id}, ${`return:${found.id}`})`);
        restocked.push({ editionId: line.editionId, quantity: resellable });
        slugs.add(line.slug);
        if (edition.stock - resellable <= 0) {
          availabilityChanged = true;
          await afterRestock(tx, line.editionId);
        }
      }
      const refundable = order.totalMinor - order.refundedMinor;
      if (input.refundMinor > 0 && !REFUNDABLE.includes(order.status)) {
        throw new ReceiveAbort(fail('invalid', { amount: 'cannotRefund' }));
      }
      if (input.refundMinor > refundable) throw new ReceiveAbort(fail('invalid', { amount: 'amountTooHigh' }));
      await recordOrderEvent(tx, order.id, 'return_received', actorOf(admin), {
        returnId: found.id,
        restocked,
      });
      const refund =
        input.refundMinor > 0
          ? await claimRefund(tx, {
              orderId: order.id,
              amountMinor: input.refundMinor,
              reason: `return:${found.id}`,
              actor: actorOf(admin),
              statuses: REFUNDABLE,
              eventData: { returnId: found.id },
            })
          : null;
      if (input.refundMinor > 0 && !refund) throw new ReceiveAbort(fail('invalid', { amount: 'amountTooHigh' }));
      await recordAudit(tx, {
        actorUserId: admin.id,
        action: 'return.receive',
        entity: 'return',
        entityId: found.id,
        before: { status: found.status },
        after: {
          status: 'received',
          restocked,
          refundMinor: input.refundMinor,
          refundId: refund?.refundId ?? null,
        },
      });
      return { refundId: refund?.refundId ?? null, slugs: [...slugs], availabilityChanged };
    });
  } catch (error) {
    if (error instanceof ReceiveAbort) return error.result;
    throw error;
  }
  const base = { productSlugs: claimed.slugs, availabilityChanged: claimed.availabilityChanged };
  if (claimed.refundId === null) return { ok: true, ...base, refunded: false, refundFailed: false };
  // The return is received and its stock is back whatever the provider says; a refused refund stays
  // pending (retry from the return's page).
  const sent = await executeRefund(claimed.refundId, actorOf(admin));
  return { ok: true, ...base, refunded: sent, refundFailed: !sent };
}

/** Sends a received return's refund to the provider again, when it failed the first time. */
export async function retryReturnRefund(admin: SessionUser, returnId: number): Promise<AdminResult> {
  assertAdmin(admin);
  const db = await getDb();
  const [refund] = await queryRows<{ id: number }>(
    db,
    sql`select f.id from refunds f join returns r on r.order_id = f.order_id
      where r.id = ${returnId} and r.status = 'received' and f.reason = ${`return:${returnId}`} and f.provider_ref is null
      order by f.id limit 1`,
  );
  if (!refund) return fail('nothingToRetry');
  const sent = await executeRefund(refund.id, actorOf(admin));
  await recordAudit(db, {
    actorUserId: admin.id,
    action: 'return.refund_retry',
    entity: 'return',
    entityId: returnId,
    after: { refundId: refund.id, sent },
  });
  return sent ? { ok: true } : fail('providerFailed');
}
