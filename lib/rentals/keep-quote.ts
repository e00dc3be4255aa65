import { type BuyOut, buyOut, daysLate, lateFeeMinor } from './amounts';

/**
 * What keeping a rented copy costs at `now` (pure, the clock and time zone given): the buy-out of
 * amounts.ts with the late fee so far (days late × the daily fee, capped at the deposit). The sale
 * price is the edition's sale price now (what a shopper buying it new would pay today), not the one
 * when the copy was rented: the page shows it before the shopper confirms, and the rental's deposit
 * was fixed when it was rented anyway.
 */

export type KeepQuote = BuyOut & {
  salePriceMinor: number;
  feePaidMinor: number;
  depositMinor: number;
  daysLate: number;
  lateFeeMinor: number;
};

/** The terms of an out rental that the quote reads (rentals row), and the edition's sale price now. */
export type KeepQuoteSource = {
  feeMinor: number;
  depositMinor: number;
  lateFeePerDayMinor: number;
  dueAt: Date;
  salePriceMinor: number;
};

export function keepQuote(rental: KeepQuoteSource, now: Date, timeZone: string): KeepQuote {
  const late = daysLate(rental.dueAt, now, timeZone);
  const lateFee = lateFeeMinor(late, rental.lateFeePerDayMinor, rental.depositMinor);
  const quote = buyOut({
    salePriceMinor: rental.salePriceMinor,
    feePaidMinor: rental.feeMinor,
    depositMinor: rental.depositMinor,
    lateFeeMinor: lateFee,
  });
  return {
    ...quote,
    salePriceMinor: rental.salePriceMinor,
    feePaidMinor: rental.feeMinor,
    depositMinor: rental.depositMinor,
    daysLate: late,
    lateFeeMinor: lateFee,
  };
}

/**
 * The late fee has reached the deposit (days late × daily fee ≥ deposit): the rental converts to a
 * purchase by itself (lib/rentals/keep.ts convertCappedRentals). A rental with no deposit or no daily
 * fee never converts (nothing to reach, or nothing growing).
 */
export function lateFeeReachedDeposit(
  rental: Pick<KeepQuoteSource, 'depositMinor' | 'lateFeePerDayMinor' | 'dueAt'>,
  now: Date,
  timeZone: string,
): boolean {
  if (rental.depositMinor <= 0 || rental.lateFeePerDayMinor <= 0) return false;
  return daysLate(rental.dueAt, now, timeZone) * rental.lateFeePerDayMinor >= rental.depositMinor;
}
