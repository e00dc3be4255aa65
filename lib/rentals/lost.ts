import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { executeRefund } from '@/lib/orders/refunds';
import { staffActor } from '@/lib/orders/staff';
import { daysLate, depositRefundMinor, lateFeeMinor } from './amounts';
import { normalizeCopyCode } from './copies';
import { claimDepositRest, type DepositRefund, depositRefundKey, lockRentalOrder } from './deposit';
import type { Rental } from './desk';
import { rentalSettings, type RentalSettings } from './settings';
import { rentalCopies, rentals } from './schema';

/**
 * The desk records that an out copy will not come back (lost in the post, or reported lost or broken
 * by the shopper): the rental becomes `lost` and its copy `lost` (out of the pool), the late fee so far
 * is kept, the charge for the copy is taken from what the late fee leaves of the deposit, and the rest
 * of the deposit is refunded — in one transaction whose updates are conditional on `out`, so a doubled
 * submit or a check-in at the same moment settles the deposit once (claimRefund in the transaction,
 * reason `rental:<id>:lost`; executeRefund after the commit). Admins only; audit row `rental.lost`.
 * A copy that came back damaged is checked in with a damage charge instead (desk.ts checkIn).
 */

export type LostRefusal = 'not_found' | 'unknown_code' | 'not_out';

export type MarkedLost = {
  ok: true;
  rental: Rental;
  lateFeeMinor: number;
  chargeMinor: number;
  refund: DepositRefund;
};

export async function markRentalLost(
  admin: StaffUser,
  input: { rentalId?: number; code?: string; chargeMinor: number; now: Date },
  settings: RentalSettings = rentalSettings(),
): Promise<MarkedLost | { ok: false; error: LostRefusal }> {
  assertAdmin(admin, 'markRentalLost');
  const { now } = input;
  const requested = Number.isSafeInteger(input.chargeMinor) ? Math.max(0, input.chargeMinor) : 0;
  const code = input.code === undefined ? null : normalizeCopyCode(input.code);
  if (input.rentalId === undefined && !code) return { ok: false, error: 'unknown_code' };
  const db = await getDb();
  const done = await db.transaction(async (tx) => {
    let rentalId = input.rentalId ?? null;
    if (rentalId === null && code) {
      const [copy] = await tx
        .select({ rentalId: rentals.id })
        .from(rentalCopies)
        .leftJoin(rentals, and(eq(rentals.copyId, rentalCopies.id), eq(rentals.status, 'out')))
        .where(eq(rentalCopies.code, code));
      if (!copy) return { ok: false as const, error: 'unknown_code' as const };
      if (copy.rentalId === null) return { ok: false as const, error: 'not_out' as const };
      rentalId = copy.rentalId;
    }
    // The order before the rental (lockRentalOrder): the refund below is claimed on it.
    await lockRentalOrder(tx, rentalId ?? 0);
    const [open] = await tx
      .select()
      .from(rentals)
      .where(eq(rentals.id, rentalId ?? 0))
      .for('update');
    if (!open) return { ok: false as const, error: 'not_found' as const };
    if (open.status !== 'out' || !open.dueAt) return { ok: false as const, error: 'not_out' as const };
    const lateFee = lateFeeMinor(
      daysLate(open.dueAt, now, settings.timeZone),
      open.lateFeePerDayMinor,
      open.depositMinor,
    );
    const charge = Math.min(requested, open.depositMinor - lateFee);
    const refundDue = depositRefundMinor(open.depositMinor, lateFee, charge);
    const [rental] = await tx
      .update(rentals)
      .set({
        status: 'lost',
        lostAt: now,
        lateFeeChargedMinor: lateFee,
        damageChargeMinor: charge,
        depositRefundMinor: refundDue,
        depositRefundKey: depositRefundKey(open.id),
        updatedAt: now,
      })
      .where(and(eq(rentals.id, open.id), eq(rentals.status, 'out')))
      .returning();
    if (!rental) return { ok: false as const, error: 'not_out' as const };
    const [gone] = await tx
      .update(rentalCopies)
      .set({ status: 'lost', updatedAt: now })
      .where(and(eq(rentalCopies.id, open.copyId), eq(rentalCopies.status, 'out')))
      .returning({ code: rentalCopies.code });
    if (!gone) throw new Error(`Copy ${open.copyId} of rental ${open.id} is not out`);
    const refund = await claimDepositRest(tx, rental, refundDue, `rental:${rental.id}:lost`, staffActor(admin));
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'rental.lost',
      entity: 'rental',
      entityId: rental.id,
      before: { status: 'out', code: gone.code },
      after: {
        status: 'lost',
        code: gone.code,
        lateFeeMinor: lateFee,
        chargeMinor: charge,
        requestedChargeMinor: requested,
        depositRefundMinor: refundDue,
        refund: refund.status,
        ...('refundId' in refund ? { refundId: refund.refundId } : {}),
      },
    });
    return { ok: true as const, rental, lateFeeMinor: lateFee, chargeMinor: charge, refund };
  });
  if (!done.ok || done.refund.status !== 'pending') return done;
  const sent = await executeRefund(done.refund.refundId, staffActor(admin));
  return { ...done, refund: { ...done.refund, status: sent ? 'sent' : 'pending' } };
}
