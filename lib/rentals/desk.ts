import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { getDb, type Transaction } from '@/db';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type StaffUser } from '@/lib/audit/staff';
import { sendMailSoon } from '@/lib/mail/mutations';
import { carrierName, type CarrierCode, trackingUrl } from '@/lib/orders/carriers';
import { executeRefund } from '@/lib/orders/refunds';
import { orders } from '@/lib/orders/schema';
import { staffActor } from '@/lib/orders/staff';
import { daysLate, depositRefundMinor, dueAt, lateFeeMinor } from './amounts';
import { normalizeCopyCode } from './copies';
import {
  claimDepositRest,
  type DepositRefund,
  depositRefundKey,
  lockRentalOrder,
  PAID_ORDER_STATUSES,
} from './deposit';
import { mailRentalDispatched } from './mails';
import { rentalCopies, rentals } from './schema';
import { type Refusal, rentalSettings, type RentalSettings } from './settings';
import { rentableEdition, rentalTermsFor } from './terms';
import { copiesKeptForLine, freeCopyIn, settlePlace, takeHeldCopy } from './waitlist';

/**
 * A rental's life at the desk: reserve a free copy, dispatch it (the period starts), check it in.
 * Each step is one transaction whose updates are conditional on the state they leave (`where status
 * = 'available'`, `'reserved'`, `'out'`), so that whatever runs at the same moment, a copy is held by
 * one rental and a deposit refund is recorded once; a refused step changes nothing. The clock is the
 * caller's (`now`); the periods and the time zone come from configuration unless given. The desk's
 * steps (dispatch, check-in) take the acting admin, check the role and write the audit row.
 */

export type Rental = typeof rentals.$inferSelect;

/** What reserving a copy needs; an order's checkout also names the order and its rental line. */
export type ReserveCopyInput = {
  editionId: number;
  userId: number | null;
  periodDays: number;
  now: Date;
  orderId?: number | null;
  orderLineId?: number | null;
};
export type ReserveCopyResult =
  { ok: true; rental: Rental } | Refusal<'not_rentable' | 'period_not_offered' | 'no_copy_free'>;

/**
 * Holds one available copy of the edition for a new rental of `periodDays` days, with the terms of
 * today (fee, deposit, daily late fee: terms.ts) written into the rental. The copy is picked with
 * `for update skip locked`, so shoppers racing for the last copies each take a different one or none,
 * and the copy update is conditional on `available` besides. Refused for an edition that cannot be
 * rented now (draft, archived, out of its rights window, digital, not rentable) and a period not
 * offered. Its own transaction; checkout runs {@link reserveCopyIn} inside the order's.
 */
export async function reserveCopy(
  input: ReserveCopyInput,
  settings: RentalSettings = rentalSettings(),
): Promise<ReserveCopyResult> {
  if (!settings.periods.includes(input.periodDays)) return { ok: false, error: 'period_not_offered' };
  const db = await getDb();
  return db.transaction((tx) => reserveCopyIn(tx, input, settings));
}

/**
 * {@link reserveCopy} in the caller's transaction (checkout: the order, its lines and its copies
 * commit or roll back together). A refusal has written nothing; the caller decides whether to go on.
 */
export async function reserveCopyIn(
  tx: Transaction,
  input: ReserveCopyInput,
  settings: RentalSettings = rentalSettings(),
): Promise<ReserveCopyResult> {
  const { editionId, now } = input;
  const edition = await rentableEdition(tx, editionId, now);
  if (!edition) return { ok: false, error: 'not_rentable' };
  const terms = rentalTermsFor(edition, input.periodDays, settings.periods);
  if (!terms) return { ok: false, error: 'period_not_offered' };
  // The waitlist (./waitlist.ts): a copy held for this shopper is theirs; anyone else may take only the
  // available copies beyond the people waiting (others than themselves).
  const held = input.userId === null ? null : await takeHeldCopy(tx, { editionId, userId: input.userId, now });
  const copyId =
    held?.copyId ?? (await takeFreeCopy(tx, editionId, now, await copiesKeptForLine(tx, editionId, input.userId)));
  if (copyId === null) return { ok: false, error: 'no_copy_free' };
  const [rental] = await tx
    .insert(rentals)
    .values({
      copyId,
      editionId,
      userId: input.userId,
      orderId: input.orderId ?? null,
      orderLineId: input.orderLineId ?? null,
      status: 'reserved',
      feeMinor: terms.feeMinor,
      depositMinor: terms.depositMinor,
      lateFeePerDayMinor: terms.lateFeePerDayMinor,
      periodDays: input.periodDays,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!rental) throw new Error('The rental insert returned no row');
  if (input.userId !== null) {
    await settlePlace(tx, {
      editionId,
      userId: input.userId,
      rentalId: rental.id,
      entryId: held?.entryId ?? null,
      now,
    });
  }
  return { ok: true, rental };
}

/**
 * Moves one available copy of the edition to `reserved` and returns its id, or null when none is
 * free. The copy is picked with `for update skip locked` (racing callers each take a different copy or
 * none) and the update is conditional on `available` besides. The first `keptForLine` free copies
 * stay for the waitlist: the pick skips them with an offset, whose rows Postgres locks too, so two
 * newcomers at once cannot both take a copy beyond them. In the caller's transaction.
 */
async function takeFreeCopy(tx: Transaction, editionId: number, now: Date, keptForLine = 0): Promise<number | null> {
  const [free] = await tx
    .select({ id: rentalCopies.id })
    .from(rentalCopies)
    .where(and(eq(rentalCopies.editionId, editionId), eq(rentalCopies.status, 'available')))
    .orderBy(rentalCopies.id)
    .limit(1)
    .offset(keptForLine)
    .for('update', { skipLocked: true });
  if (!free) return null;
  const [copy] = await tx
    .update(rentalCopies)
    .set({ status: 'reserved', updatedAt: now })
    .where(and(eq(rentalCopies.id, free.id), eq(rentalCopies.status, 'available')))
    .returning({ id: rentalCopies.id });
  return copy?.id ?? null;
}

/** How the desk sent a copy: the carrier (a name for "other") and its tracking number. */
export type RentalShipment = { carrier: CarrierCode; carrierName?: string; trackingNumber: string };

export type DispatchInput = {
  rentalId: number;
  now: Date;
  /** The code of the copy put in the parcel, when it is not the one held (any free copy of the edition). */
  copyCode?: string;
  shipment?: RentalShipment;
};
export type DispatchRefusal =
  'not_found' | 'not_reserved' | 'order_not_paid' | 'copy_unknown' | 'copy_other_edition' | 'copy_not_free';

/**
 * Marks a reserved rental's copy as sent: the period starts now, and the due date follows the rule
 * in amounts.ts in the shop's time zone; the carrier and tracking number are kept when given. The desk
 * may send another free copy of the same edition than the one held (`copyCode`, scanned as it goes in
 * the parcel): that copy goes out, conditional on `available`, and the held one back on the shelf.
 * Refused (nothing changes) unless the rental is `reserved` and its order, when it has one, is paid
 * (or shipped, delivered), and for a scanned copy that is unknown, of another edition or not free.
 * Admins only; audit row.
 */
export async function dispatchRental(
  admin: StaffUser,
  input: DispatchInput,
  settings: RentalSettings = rentalSettings(),
): Promise<{ ok: true; rental: Rental } | Refusal<DispatchRefusal>> {
  assertAdmin(admin, 'dispatchRental');
  const { rentalId, now, shipment } = input;
  const db = await getDb();
  const dispatched = await db.transaction(async (tx) => {
    // The order first (its row locked, as cancelling it locks it), then the rental: a paid order being
    // cancelled at this moment either waits for the dispatch or is seen cancelled here.
    const [peek] = await tx
      .select({ orderId: rentals.orderId, status: rentals.status })
      .from(rentals)
      .where(eq(rentals.id, rentalId));
    if (!peek) return { ok: false as const, error: 'not_found' as const };
    if (peek.orderId !== null && peek.status === 'reserved') {
      const [order] = await tx
        .select({ status: orders.status })
        .from(orders)
        .where(eq(orders.id, peek.orderId))
        .for('update');
      if (!order || !(PAID_ORDER_STATUSES as readonly string[]).includes(order.status)) {
        return { ok: false as const, error: 'order_not_paid' as const };
      }
    }
    const [current] = await tx
      .select({
        copyId: rentals.copyId,
        editionId: rentals.editionId,
        periodDays: rentals.periodDays,
        status: rentals.status,
      })
      .from(rentals)
      .where(eq(rentals.id, rentalId))
      .for('update');
    if (!current) return { ok: false as const, error: 'not_found' as const };
    if (current.status !== 'reserved') return { ok: false as const, error: 'not_reserved' as const };
    const sent = await copyToSend(tx, current, input.copyCode, now);
    if (!sent.ok) return sent;
    const [rental] = await tx
      .update(rentals)
      .set({
        status: 'out',
        copyId: sent.copyId,
        dispatchedAt: now,
        dueAt: dueAt(now, current.periodDays, settings.timeZone),
        ...(shipment
          ? {
              carrier: carrierName(shipment.carrier, shipment.carrierName),
              trackingNumber: shipment.trackingNumber,
              trackingUrl: trackingUrl(shipment.carrier, shipment.trackingNumber),
            }
          : {}),
        updatedAt: now,
      })
      .where(and(eq(rentals.id, rentalId), eq(rentals.status, 'reserved')))
      .returning();
    if (!rental) return { ok: false as const, error: 'not_reserved' as const };
    await recordAudit(tx, {
      actorUserId: admin.id,
      action: 'rental.dispatch',
      entity: 'rental',
      entityId: rentalId,
      before: { status: 'reserved', copyId: current.copyId },
      after: {
        status: 'out',
        copyId: sent.copyId,
        dueAt: rental.dueAt?.toISOString() ?? null,
        orderId: rental.orderId,
        carrier: rental.carrier,
        trackingNumber: rental.trackingNumber,
      },
    });
    // The shopper's "on its way" mail with the due date (lib/rentals/mails.ts), in this transaction.
    await mailRentalDispatched(tx, { rentalId, now, timeZone: settings.timeZone });
    return { ok: true as const, rental };
  });
  if (dispatched.ok) sendMailSoon();
  return dispatched;
}

/**
 * Moves the copy that goes in the parcel to `out`, in the dispatch's transaction: the held copy, or the
 * scanned one when the desk sends another free copy of the edition (taken only while `available`,
 * the held copy put back as `available`). Returns its id, or why not (nothing changed).
 */
async function copyToSend(
  tx: Transaction,
  held: { copyId: number; editionId: number },
  rawCode: string | undefined,
  now: Date,
): Promise<{ ok: true; copyId: number } | Refusal<'copy_unknown' | 'copy_other_edition' | 'copy_not_free'>> {
  let copyId = held.copyId;
  if (rawCode !== undefined && rawCode.trim() !== '') {
    const code = normalizeCopyCode(rawCode);
    const [scanned] = code
      ? await tx
          .select({ id: rentalCopies.id, editionId: rentalCopies.editionId })
          .from(rentalCopies)
          .where(eq(rentalCopies.code, code))
      : [];
    if (!scanned) return { ok: false, error: 'copy_unknown' };
    if (scanned.editionId !== held.editionId) return { ok: false, error: 'copy_other_edition' };
    if (scanned.id !== held.copyId) {
      const [taken] = await tx
        .update(rentalCopies)
        .set({ status: 'reserved', updatedAt: now })
        .where(and(eq(rentalCopies.id, scanned.id), eq(rentalCopies.status, 'available')))
        .returning({ id: rentalCopies.id });
      if (!taken) return { ok: false, error: 'copy_not_free' };
      const [back] = await tx
        .update(rentalCopies)
        .set({ status: 'available', updatedAt: now })
        .where(and(eq(rentalCopies.id, held.copyId), eq(rentalCopies.status, 'reserved')))
        .returning({ id: rentalCopies.id });
      if (!back) throw new Error(`Copy ${held.copyId} held for a rental is not reserved`);
      // Back on the shelf: the first in its edition's line gets it, if anyone waits.
      await freeCopyIn(tx, held.copyId, now);
      copyId = scanned.id;
    }
  }
  const [copy] = await tx
    .update(rentalCopies)
    .set({ status: 'out', updatedAt: now })
    .where(and(eq(rentalCopies.id, copyId), eq(rentalCopies.status, 'reserved')))
    .returning({ id: rentalCopies.id });
  // Only this module moves a copy out of `reserved`: anything else is a broken invariant (rolled back).
  if (!copy) throw new Error(`Copy ${copyId} to send is not reserved`);
  return { ok: true, copyId };
}

export type CheckInRefusal = 'unknown_code' | 'not_out' | 'already_returned';

export type CheckedIn = { ok: true; rental: Rental; refund: DepositRefund };

/**
 * Checks a copy in by its code: the copy goes to `returned_pending_check`, and its rental to
 * `returned` with the late fee (days late × daily fee, capped at the deposit), the damage charge
 * (capped at what the late fee leaves) and the deposit refund due, with its idempotency key — all in
 * one transaction whose updates are conditional on `out`, so a check-in submitted several times, at
 * once or later, records one return and one refund. An unknown code (a sale barcode, another shop's
 * disc), a copy that is not out, or one already back is refused and changes nothing.
 *
 * When the rental was paid through an order, the refund due is claimed on that order in the same
 * transaction (`claimRefund`: the order's refunded amount goes up, a refund row and an order event),
 * and sent through the payment provider once that has committed (`executeRefund`, keyed by the refund
 * row): a check-in retried or submitted at once by two desks pays at most once. Admins only; audit row.
 */
export async function checkIn(
  admin: StaffUser,
  input: { code: string; now: Date; damageChargeMinor?: number },
  settings: RentalSettings = rentalSettings(),
): Promise<CheckedIn | Refusal<CheckInRefusal>> {
  assertAdmin(admin, 'checkIn');
  const code = normalizeCopyCode(input.code);
  if (!code) return { ok: false, error: 'unknown_code' };
  const db = await getDb();
  const done = await db.transaction((tx) => returnCopy(tx, admin, { ...input, code }, settings));
  if (!done.ok || done.refund.status !== 'pending') return done;
  const sent = await executeRefund(done.refund.refundId, staffActor(admin));
  return { ...done, refund: { ...done.refund, status: sent ? 'sent' : 'pending' } };
}

/** The check-in's transaction: the return, the copy back, the refund claimed (pending until sent), the audit row. */
async function returnCopy(
  tx: Transaction,
  admin: StaffUser,
  input: { code: string; now: Date; damageChargeMinor?: number },
  settings: RentalSettings,
): Promise<CheckedIn | Refusal<CheckInRefusal>> {
  const { code, now } = input;
  const [copy] = await tx.select({ id: rentalCopies.id }).from(rentalCopies).where(eq(rentalCopies.code, code));
  if (!copy) return { ok: false, error: 'unknown_code' };
  // The order before the rental (lockRentalOrder): the refund below is claimed on it.
  const [peek] = await tx
    .select({ id: rentals.id })
    .from(rentals)
    .where(and(eq(rentals.copyId, copy.id), eq(rentals.status, 'out')));
  if (peek) await lockRentalOrder(tx, peek.id);
  const [open] = await tx
    .select()
    .from(rentals)
    .where(and(eq(rentals.copyId, copy.id), eq(rentals.status, 'out')))
    .for('update');
  if (!open || !open.dueAt) {
    const [last] = await tx
      .select({ status: rentals.status })
      .from(rentals)
      .where(eq(rentals.copyId, copy.id))
      .orderBy(desc(rentals.id))
      .limit(1);
    return { ok: false, error: last?.status === 'returned' ? 'already_returned' : 'not_out' };
  }
  const lateFee = lateFeeMinor(
    daysLate(open.dueAt, now, settings.timeZone),
    open.lateFeePerDayMinor,
    open.depositMinor,
  );
  const damage = Math.min(Math.max(0, input.damageChargeMinor ?? 0), open.depositMinor - lateFee);
  const refundDue = depositRefundMinor(open.depositMinor, lateFee, damage);
  const [rental] = await tx
    .update(rentals)
    .set({
      status: 'returned',
      returnedAt: now,
      lateFeeChargedMinor: lateFee,
      damageChargeMinor: damage,
      depositRefundMinor: refundDue,
      depositRefundKey: depositRefundKey(open.id),
      updatedAt: now,
    })
    .where(and(eq(rentals.id, open.id), eq(rentals.status, 'out')))
    .returning();
  if (!rental) return { ok: false, error: 'already_returned' };
  const [back] = await tx
    .update(rentalCopies)
    .set({ status: 'returned_pending_check', updatedAt: now })
    .where(and(eq(rentalCopies.id, copy.id), eq(rentalCopies.status, 'out')))
    .returning({ id: rentalCopies.id });
  if (!back) throw new Error(`Copy ${copy.id} of rental ${open.id} is not out`);
  const refund = await claimDepositRest(
    tx,
    rental,
    rental.depositRefundMinor ?? 0,
    `rental:${rental.id}`,
    staffActor(admin),
  );
  await recordAudit(tx, {
    actorUserId: admin.id,
    action: 'rental.check_in',
    entity: 'rental',
    entityId: rental.id,
    before: { status: 'out', code },
    after: {
      status: 'returned',
      code,
      lateFeeMinor: lateFee,
      damageChargeMinor: damage,
      depositRefundMinor: refundDue,
      refund: refund.status,
      ...('refundId' in refund ? { refundId: refund.refundId } : {}),
    },
  });
  return { ok: true, rental, refund };
}
