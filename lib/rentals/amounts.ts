import { addDays, daysBetween, localDate, startOfLocalDay } from './local-days';

/**
 * The arithmetic of a rental, in minor units of the store currency and the shop's local days: pure
 * functions of their arguments, so the desk, checkout and the tests give them the clock (`now`,
 * dispatch and return instants) and the configuration (periods, SHOP_TIME_ZONE).
 *
 * The due rule: the period starts when the copy is dispatched, and the copy is due by the end of the
 * shop's local day `periodDays` days after the local day of dispatch (dispatched Monday afternoon for
 * 7 days: due by the end of the next Monday). `due_at` is stored as the first instant after that day
 * (the next local midnight), so a rental is on time while `returned_at < due_at`, and each local day
 * begun after it is one day late.
 */

function assertAmount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole amount ≥ 0: ${value}`);
}

/** The fee for `periodDays` days: one `feePerPeriodMinor` per shortest offered period (7,14 → 14 days = 2 fees). */
export function rentalFeeMinor(
  feePerPeriodMinor: number,
  periodDays: number,
  offeredPeriods: readonly number[],
): number {
  assertAmount(feePerPeriodMinor, 'The fee per period');
  const shortest = offeredPeriods[0];
  if (shortest === undefined || !offeredPeriods.includes(periodDays) || periodDays % shortest !== 0) {
    throw new RangeError(`A rental of ${periodDays} days is not offered (periods: ${offeredPeriods.join(', ')})`);
  }
  return feePerPeriodMinor * (periodDays / shortest);
}

/** The daily late fee when staff set none: the fee of the shortest period spread over its days, rounded up. */
export function defaultLateFeePerDayMinor(feePerPeriodMinor: number, shortestPeriodDays: number): number {
  assertAmount(feePerPeriodMinor, 'The fee per period');
  return Math.ceil(feePerPeriodMinor / shortestPeriodDays);
}

/** When a copy dispatched at `dispatchedAt` for `periodDays` days is due (see the due rule above). */
export function dueAt(dispatchedAt: Date, periodDays: number, timeZone: string): Date {
  if (!Number.isInteger(periodDays) || periodDays < 1) throw new RangeError(`Bad rental period: ${periodDays}`);
  return startOfLocalDay(addDays(localDate(dispatchedAt, timeZone), periodDays + 1), timeZone);
}

/** The local date a rental due at `due` (an exclusive end) is due by, `YYYY-MM-DD`: what pages and mails show. */
export function dueDate(due: Date, timeZone: string): string {
  return localDate(new Date(due.getTime() - 1), timeZone);
}

/** Local days begun since the due date ended: 0 while `at` is before `due`, 1 on the day after the due date. */
export function daysLate(due: Date, at: Date, timeZone: string): number {
  if (at.getTime() < due.getTime()) return 0;
  return daysBetween(dueDate(due, timeZone), localDate(at, timeZone));
}

/** Days late × the daily fee, never more than the deposit (the deposit is all the shop holds). */
export function lateFeeMinor(days: number, perDayMinor: number, depositMinor: number): number {
  assertAmount(days, 'Days late');
  assertAmount(perDayMinor, 'The daily late fee');
  assertAmount(depositMinor, 'The deposit');
  return Math.min(days * perDayMinor, depositMinor);
}

/** What goes back to the shopper at check-in: the deposit less the late fee and any damage charge, never below 0. */
export function depositRefundMinor(depositMinor: number, lateFee: number, damageChargeMinor: number): number {
  assertAmount(depositMinor, 'The deposit');
  assertAmount(lateFee, 'The late fee');
  assertAmount(damageChargeMinor, 'The damage charge');
  return Math.max(0, depositMinor - lateFee - damageChargeMinor);
}

export type BuyOut = {
  /** The sale price less the rental fee already paid (never below 0). */
  priceMinor: number;
  /** The part of the price paid from the deposit (what is left of it after late fees). */
  fromDepositMinor: number;
  /** What is left of the deposit after late fees and the price: refunded. */
  refundMinor: number;
  /** What the deposit does not cover: to be paid. */
  shortfallMinor: number;
};

/**
 * Keeping a rented copy: the sale price less the rental fee already paid, taken from the deposit
 * first (after any late fees so far, which are kept); a remainder of the deposit is refunded, a
 * shortfall paid. Exactly one of `refundMinor` and `shortfallMinor` can be above 0.
 */
export function buyOut(input: {
  salePriceMinor: number;
  feePaidMinor: number;
  depositMinor: number;
  lateFeeMinor?: number;
}): BuyOut {
  const { salePriceMinor, feePaidMinor, depositMinor, lateFeeMinor: lateFee = 0 } = input;
  assertAmount(salePriceMinor, 'The sale price');
  assertAmount(feePaidMinor, 'The fee paid');
  assertAmount(depositMinor, 'The deposit');
  assertAmount(lateFee, 'The late fee');
  if (lateFee > depositMinor) throw new RangeError('The late fee cannot exceed the deposit');
  const priceMinor = Math.max(0, salePriceMinor - feePaidMinor);
  const available = depositMinor - lateFee;
  const fromDepositMinor = Math.min(available, priceMinor);
  return {
    priceMinor,
    fromDepositMinor,
    refundMinor: available - fromDepositMinor,
    shortfallMinor: priceMinor - fromDepositMinor,
  };
}
