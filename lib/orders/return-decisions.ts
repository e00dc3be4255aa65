import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { fail, type MutationResult } from '@/lib/http/result';
import { toLocale } from '@/lib/i18n/config';
import { enqueueMail, sendMailSoon } from '@/lib/mail/mutations';
import { secretLinks } from '@/lib/mail/secret-links';
import { type LockedOrder, lockOrder, recordOrderEvent } from './lifecycle';
import { returns } from './schema';
import { auditStaffChange, staffActor } from './staff';

/**
 * Staff decisions on return requests (RMA): requested → approved | rejected (here); approved →
 * received → refunded is ./return-receipt.ts. Each step is a conditional UPDATE on the return's
 * status in one transaction with its order event (actor admin), audit row and customer mail (dedupe
 * keys).
 */

/** How a return is named to customers and on parcels. */
export const returnNumber = (returnId: number) => `R-${returnId}`;

export type LockedReturn = Pick<typeof returns.$inferSelect, 'id' | 'orderId' | 'status'>;

/** Locks a return (FOR UPDATE) for the rest of the transaction. */
export async function lockReturn(tx: Transaction, returnId: number): Promise<LockedReturn | null> {
  const [row] = await tx
    .select({ id: returns.id, orderId: returns.orderId, status: returns.status })
    .from(returns)
    .where(eq(returns.id, returnId))
    .for('update');
  return row ?? null;
}

/** requested → approved; the customer gets the instructions (and staff's message, if any). */
export function approveReturn(admin: StaffUser, input: { returnId: number; message: string }): Promise<MutationResult> {
  return decide(admin, input, 'approved');
}

/** requested → rejected; the customer gets staff's reason. */
export function rejectReturn(admin: StaffUser, input: { returnId: number; message: string }): Promise<MutationResult> {
  return decide(admin, input, 'rejected');
}

async function decide(
  admin: StaffUser,
  input: { returnId: number; message: string },
  decision: 'approved' | 'rejected',
): Promise<MutationResult> {
  assertAdmin(admin, decision === 'approved' ? 'approveReturn' : 'rejectReturn');
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const found = await lockReturn(tx, input.returnId);
    if (!found) return fail('returnNotFound');
    const [updated] = await tx
      .update(returns)
      .set({ status: decision, updatedAt: sql`now()` })
      .where(and(eq(returns.id, found.id), eq(returns.status, 'requested')))
      .returning({ id: returns.id });
    if (!updated) return fail('cannotDecide');
    const order = await lockOrder(tx, { id: found.orderId });
    if (!order) return fail('orderNotFound');
    const approved = decision === 'approved';
    await recordOrderEvent(tx, order.id, approved ? 'return_approved' : 'return_rejected', staffActor(admin), {
      returnId: found.id,
      ...(input.message ? { message: input.message } : {}),
    });
    await auditStaffChange(tx, admin, approved ? 'return.approve' : 'return.reject', found.id, {
      before: { status: found.status },
      after: { status: decision, message: input.message || null },
    });
    await mailDecision(tx, order, found.id, decision, input.message);
    return { ok: true as const };
  });
  sendMailSoon();
  return result;
}

/** The customer's mail about the decision (none when the order has no address any more). */
async function mailDecision(
  tx: Transaction,
  order: LockedOrder,
  returnId: number,
  decision: 'approved' | 'rejected',
  message: string,
): Promise<void> {
  if (!order.email) return;
  const common = { name: order.name ?? '', number: order.number, orderUrl: secretLinks.order(order.id, order.number) };
  const mail = { to: order.email, locale: toLocale(order.locale), userId: order.userId ?? undefined };
  if (decision === 'approved') {
    await enqueueMail(tx, {
      ...mail,
      template: 'returnApproved',
      data: { ...common, returnNumber: returnNumber(returnId), message },
      dedupeKey: `return-approved:${returnId}`,
    });
  } else {
    await enqueueMail(tx, {
      ...mail,
      template: 'returnRejected',
      data: { ...common, reason: message },
      dedupeKey: `return-rejected:${returnId}`,
    });
  }
}
