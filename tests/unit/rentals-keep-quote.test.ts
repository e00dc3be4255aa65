import { describe, expect, it } from 'vitest';
import { keepQuote, lateFeeReachedDeposit } from '@/lib/rentals/keep-quote';

// The clock and the time zone are given. A rental due by the end of 8 January 2026 in Berlin
// (due_at = the next local midnight, 2026-01-08T23:00Z): fee 499, deposit 2999, 72 a day late.
const at = (iso: string) => new Date(iso);
const rental = { feeMinor: 499, depositMinor: 2999, lateFeePerDayMinor: 72, dueAt: at('2026-01-08T23:00:00Z') };
const BERLIN = 'Europe/Berlin';

describe('the keep-it quote', () => {
  it('on time: the sale price less the fee, from the deposit, the rest refunded', () => {
    expect(keepQuote({ ...rental, salePriceMinor: 2999 }, at('2026-01-08T22:59:59Z'), BERLIN)).toEqual({
      salePriceMinor: 2999,
      feePaidMinor: 499,
      depositMinor: 2999,
      daysLate: 0,
      lateFeeMinor: 0,
      priceMinor: 2500,
      fromDepositMinor: 2500,
      refundMinor: 499,
      shortfallMinor: 0,
    });
  });

  it('late: the late fee so far is kept first, across the month end, in the shop’s local days', () => {
    // 2 February in Berlin (00:30 local, still 1 February in UTC): 25 days late, 1800 kept.
    const quote = keepQuote({ ...rental, salePriceMinor: 2999 }, at('2026-02-01T23:30:00Z'), BERLIN);
    expect(quote).toMatchObject({ daysLate: 25, lateFeeMinor: 1800, fromDepositMinor: 1199, refundMinor: 0 });
    expect(quote.shortfallMinor).toBe(1301);
    // The same instant in UTC is still 1 February: a day less.
    expect(
      keepQuote(
        { ...rental, dueAt: at('2026-01-09T00:00:00Z'), salePriceMinor: 2999 },
        at('2026-02-01T23:30:00Z'),
        'UTC',
      ),
    ).toMatchObject({
      daysLate: 24,
      lateFeeMinor: 1728,
    });
  });

  it('takes the sale price as it is now, and never goes below nothing', () => {
    expect(keepQuote({ ...rental, salePriceMinor: 1999 }, at('2026-01-05T12:00:00Z'), BERLIN)).toMatchObject({
      priceMinor: 1500,
      refundMinor: 1499,
    });
    // Cheaper than the fee paid: the copy costs nothing more, the whole deposit comes back.
    expect(keepQuote({ ...rental, salePriceMinor: 300 }, at('2026-01-05T12:00:00Z'), BERLIN)).toMatchObject({
      priceMinor: 0,
      fromDepositMinor: 0,
      refundMinor: 2999,
      shortfallMinor: 0,
    });
    // The deposit left covers the price exactly: nothing back, nothing owed.
    expect(keepQuote({ ...rental, salePriceMinor: 499 + 2999 - 72 }, at('2026-01-09T12:00:00Z'), BERLIN)).toMatchObject(
      { lateFeeMinor: 72, refundMinor: 0, shortfallMinor: 0 },
    );
  });
});

describe('conversion at the cap', () => {
  it('happens on the first local day whose late fee reaches the deposit (2999 / 72 → day 42)', () => {
    expect(lateFeeReachedDeposit(rental, at('2026-02-18T22:59:59Z'), BERLIN)).toBe(false); // 41 days: 2952
    expect(lateFeeReachedDeposit(rental, at('2026-02-18T23:00:00Z'), BERLIN)).toBe(true); // 19 Feb, 42 days: 3024
    expect(lateFeeReachedDeposit({ ...rental, depositMinor: 72 }, at('2026-01-09T00:00:00Z'), BERLIN)).toBe(true);
    expect(lateFeeReachedDeposit({ ...rental, depositMinor: 73 }, at('2026-01-09T00:00:00Z'), BERLIN)).toBe(false);
  });

  it('never happens without a deposit or a daily fee, nor before the due date', () => {
    expect(lateFeeReachedDeposit({ ...rental, depositMinor: 0 }, at('2027-01-01T00:00:00Z'), BERLIN)).toBe(false);
    expect(lateFeeReachedDeposit({ ...rental, lateFeePerDayMinor: 0 }, at('2027-01-01T00:00:00Z'), BERLIN)).toBe(false);
    expect(lateFeeReachedDeposit({ ...rental, depositMinor: 1 }, at('2026-01-08T22:59:59Z'), BERLIN)).toBe(false);
  });
});
