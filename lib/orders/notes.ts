import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { fail, type MutationResult } from '@/lib/http/result';
import { recordInternalEvent } from './lifecycle';
import { orders } from './schema';
import { sealNote } from './sealed';
import { auditStaffChange, staffActor } from './staff';

/** A staff-only note on the order's timeline (internal: the shopper never sees it). */
export async function addOrderNote(
  admin: StaffUser,
  input: { orderId: number; note: string },
): Promise<MutationResult> {
  assertAdmin(admin, 'addOrderNote');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, input.orderId));
    if (!order) return fail('orderNotFound');
    // The note is encrypted on the timeline; the audit log records that it was written, not what it says.
    await recordInternalEvent(tx, order.id, 'note', staffActor(admin), { text: sealNote(input.note) });
    await auditStaffChange(tx, admin, 'order.note', order.id, {
      after: { noteCharacters: input.note.length },
    });
    return { ok: true as const };
  });
}
