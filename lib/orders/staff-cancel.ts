import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { fail, type MutationResult } from '@/lib/http/result';
import { sendMailSoon } from '@/lib/mail/mutations';
import { providerFor } from '@/lib/payments';
import { cancelUnpaidOrder } from './lifecycle';
import { cancelPaidOrder } from './mutations';
import { orders } from './schema';
import { auditStaffChange, orderProductSlugs, staffActor } from './staff';

/**
 * Cancels an order for staff: unpaid → cancelled with its stock back (cancelUnpaidOrder, reason
 * "admin"), and the provider's payment page closed; paid and not shipped → cancelled, stock back and
 * refunded in full (cancelPaidOrder, the same as the shopper's). Both mail the customer. Returns the
 * products whose stock came back, for cache invalidation.
 */
export async function cancelOrderAsAdmin(
  admin: StaffUser,
  orderId: number,
): Promise<MutationResult<{ productSlugs: string[] }>> {
  assertAdmin(admin, 'cancelOrderAsAdmin');
  const db = await getDb();
  const [current] = await db
    .select({ status: orders.status, paymentRef: orders.paymentRef, provider: orders.paymentProvider })
    .from(orders)
    .where(eq(orders.id, orderId));
  if (!current) return fail('orderNotFound');
  if (current.status === 'pending_payment') {
    const cancelled = await db.transaction(async (tx) => {
      if (!(await cancelUnpaidOrder(tx, { orderId }, 'admin', staffActor(admin)))) return false;
      await auditStaffChange(tx, admin, 'order.cancel', orderId, {
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
    const result = await cancelPaidOrder(orderId, staffActor(admin), 'admin');
    if (!result.ok) return fail('cannotCancel');
    // cancelPaidOrder commits its own transaction (status, stock, refund claim, events, mail); the
    // audit row follows it, then the refund went to the provider.
    const [after] = await db
      .select({ status: orders.status, refundedMinor: orders.refundedMinor })
      .from(orders)
      .where(eq(orders.id, orderId));
    await auditStaffChange(db, admin, 'order.cancel', orderId, {
      before: { status: 'paid' },
      after: { status: after?.status ?? 'cancelled', refundedMinor: after?.refundedMinor ?? null },
    });
    return { ok: true, productSlugs: await orderProductSlugs(db, orderId) };
  }
  return fail('cannotCancel');
}
