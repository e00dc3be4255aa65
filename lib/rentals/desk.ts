import 'server-only';
import { and, desc, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { editions, products } from '@/lib/catalog/schema';
import { env } from '@/lib/env';
import {
  daysLate,
  defaultLateFeePerDayMinor,
  depositRefundMinor,
  dueAt,
  lateFeeMinor,
  rentalFeeMinor,
} from './amounts';
import { normalizeCopyCode } from './copies';
import { rentalCopies, rentals, rentalTerms } from './schema';

/**
 * A rental's life at the desk: reserve a free copy, dispatch it (the period starts), check it in.
 * Each step is one transaction whose updates are conditional on the state they leave (`where status
 * = 'available'`, `'reserved'`, `'out'`), so that whatever runs at the same moment, a copy is held by
 * one rental and a deposit refund is recorded once; a refused step changes nothing. The clock is the
 * caller's (`now`); the periods and the time zone come from configuration unless given.
 */

export type Rental = typeof rentals.$inferSelect;
export type RentalSettings = { periods: readonly number[]; timeZone: string };
type Refusal<E extends string> = { ok: false; error: E };

const configured = (): RentalSettings => ({ periods: env.RENTAL_PERIOD_DAYS, timeZone: env.SHOP_TIME_ZONE });

/** The idempotency key of a rental's deposit refund: the payment provider gets it with the refund. */
export const depositRefundKey = (rentalId: number) => `rental-${rentalId}-deposit-refund`;

/**
 * Holds one available copy of the edition for a new rental of `periodDays` days, with the terms of
 * today (fee, deposit, daily late fee) written into the rental. The copy is picked with `for update
 * skip locked`, so shoppers racing for the last copies each take a different one or none, and the
 * copy update is conditional on `available` besides. Refused for an edition that cannot be rented
 * now (draft, archived, out of its rights window, digital, not rentable) and a period not offered.
 */
export async function reserveCopy(
  input: { editionId: number; userId: number | null; periodDays: number; now: Date },
  settings: RentalSettings = configured(),
): Promise<{ ok: true; rental: Rental } | Refusal<'not_rentable' | 'period_not_offered' | 'no_copy_free'>> {
  const { editionId, now } = input;
  if (!settings.periods.includes(input.periodDays)) return { ok: false, error: 'period_not_offered' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [edition] = await tx
      .select({ priceMinor: editions.priceMinor, feePerPeriodMinor: editions.rentalPriceMinor, terms: rentalTerms })
      .from(editions)
      .leftJoin(rentalTerms, eq(rentalTerms.editionId, editions.id))
      .innerJoin(products, eq(products.id, editions.productId))
      .where(
        and(
          eq(editions.id, editionId),
          eq(editions.rentable, true),
          eq(editions.digital, false),
          eq(editions.status, 'active'),
          eq(products.status, 'active'),
          or(isNull(editions.availableFrom), lte(editions.availableFrom, now)),
          or(isNull(editions.availableUntil), gt(editions.availableUntil, now)),
        ),
      );
    if (!edition || edition.feePerPeriodMinor === null) return { ok: false as const, error: 'not_rentable' as const };
    const [free] = await tx
      .select({ id: rentalCopies.id })
      .from(rentalCopies)
      .where(and(eq(rentalCopies.editionId, editionId), eq(rentalCopies.status, 'available')))
      .orderBy(rentalCopies.id)
      .limit(1)
      .for('update', { skipLocked: true });
    if (!free) return { ok: false as const, error: 'no_copy_free' as const };
    const [copy] = await tx
      .update(rentalCopies)
      .set({ status: 'reserved', updatedAt: now })
      .where(and(eq(rentalCopies.id, free.id), eq(rentalCopies.status, 'available')))
      .returning({ id: rentalCopies.id });
    if (!copy) return { ok: false as const, error: 'no_copy_free' as const };
    const shortest = settings.periods[0] ?? input.periodDays;
    const [rental] = await tx
      .insert(rentals)
      .values({
        copyId: copy.id,
        editionId,
        userId: input.userId,
        status: 'reserved',
        feeMinor: rentalFeeMinor(edition.feePerPeriodMinor, input.periodDays, settings.periods),
        depositMinor: edition.terms?.depositMinor ?? edition.priceMinor,
        lateFeePerDayMinor:
          edition.terms?.lateFeePerDayMinor ?? defaultLateFeePerDayMinor(edition.feePerPeriodMinor, shortest),
        periodDays: input.periodDays,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (!rental) throw new Error('The rental insert returned no row');
    return { ok: true as const, rental };
  });
}

/**
 * Marks a reserved rental's copy as sent: the period starts now, and the due date follows the rule
 * in amounts.ts in the shop's time zone. Refused (nothing changes) unless the rental is `reserved`.
 */
export async function dispatchRental(
  input: { rentalId: number; now: Date },
  settings: RentalSettings = configured(),
): Promise<{ ok: true; rental: Rental } | Refusal<'not_found' | 'not_reserved'>> {
  const { rentalId, now } = input;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ status: rentals.status, copyId: rentals.copyId, periodDays: rentals.periodDays })
      .from(rentals)
      .where(eq(rentals.id, rentalId))
      .for('update');
    if (!current) return { ok: false as const, error: 'not_found' as const };
    const [rental] = await tx
      .update(rentals)
      .set({
        status: 'out',
        dispatchedAt: now,
        dueAt: dueAt(now, current.periodDays, settings.timeZone),
        updatedAt: now,
      })
      .where(and(eq(rentals.id, rentalId), eq(rentals.status, 'reserved')))
      .returning();
    if (!rental) return { ok: false as const, error: 'not_reserved' as const };
    const [copy] = await tx
      .update(rentalCopies)
      .set({ status: 'out', updatedAt: now })
      .where(and(eq(rentalCopies.id, current.copyId), eq(rentalCopies.status, 'reserved')))
      .returning({ id: rentalCopies.id });
    // Only this module moves a copy out of `reserved`: anything else is a broken invariant (rolled back).
    if (!copy) throw new Error(`Copy ${current.copyId} of rental ${rentalId} is not reserved`);
    return { ok: true as const, rental };
  });
}

export type CheckInRefusal = 'unknown_code' | 'not_out' | 'already_returned';

/**
 * Checks a copy in by its code: the copy goes to `returned_pending_check`, and its rental to
 * `returned` with the late fee (days late × daily fee, capped at the deposit), the damage charge
 * (capped at what the late fee leaves) and the deposit refund due, with its idempotency key — all in
 * one transaction whose updates are conditional on `out`, so a check-in submitted several times, at
 * once or later, records one return and one refund. An unknown code (a sale barcode, another shop's
 * disc), a copy that is not out, or one already back is refused and changes nothing.
 *
 * Paying the refund through the provider (Stripe, demo) needs the order and payment of the rental,
 * which checkout does not make yet: the refund due is recorded here, and the later step that wires
 * rentals into orders sends it, keyed by `deposit_refund_key` so that it is paid at most once.
 */
export async function checkIn(
  input: { code: string; now: Date; damageChargeMinor?: number },
  settings: RentalSettings = configured(),
): Promise<{ ok: true; rental: Rental } | Refusal<CheckInRefusal>> {
  const { now } = input;
  const code = normalizeCopyCode(input.code);
  if (!code) return { ok: false, error: 'unknown_code' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [copy] = await tx.select({ id: rentalCopies.id }).from(rentalCopies).where(eq(rentalCopies.code, code));
    if (!copy) return { ok: false as const, error: 'unknown_code' as const };
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
      return { ok: false as const, error: last?.status === 'returned' ? 'already_returned' : 'not_out' } as const;
    }
    const lateFee = lateFeeMinor(
      daysLate(open.dueAt, now, settings.timeZone),
      open.lateFeePerDayMinor,
      open.depositMinor,
    );
    const damage = Math.min(input.damageChargeMinor ?? 0, open.depositMinor - lateFee);
    const [rental] = await tx
      .update(rentals)
      .set({
        status: 'returned',
        returnedAt: now,
        lateFeeChargedMinor: lateFee,
        damageChargeMinor: damage,
        depositRefundMinor: depositRefundMinor(open.depositMinor, lateFee, damage),
        depositRefundKey: depositRefundKey(open.id),
        updatedAt: now,
      })
      .where(and(eq(rentals.id, open.id), eq(rentals.status, 'out')))
      .returning();
    if (!rental) return { ok: false as const, error: 'already_returned' as const };
    const [back] = await tx
      .update(rentalCopies)
      .set({ status: 'returned_pending_check', updatedAt: now })
      .where(and(eq(rentalCopies.id, copy.id), eq(rentalCopies.status, 'out')))
      .returning({ id: rentalCopies.id });
    if (!back) throw new Error(`Copy ${copy.id} of rental ${open.id} is not out`);
    return { ok: true as const, rental };
  });
}
