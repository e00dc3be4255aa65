import { describe, expect, it } from 'vitest';
import {
  buyOut,
  daysLate,
  defaultLateFeePerDayMinor,
  depositRefundMinor,
  dueAt,
  dueDate,
  lateFeeMinor,
  rentalFeeMinor,
} from '@/lib/rentals/amounts';
import { addDays, localDate, startOfLocalDay } from '@/lib/rentals/local-days';

// Every instant is given (the clock is the caller's): dispatch, return, "now".
const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('the due date', () => {
  it('ends with the local day `period` days after the day of dispatch, across month and year ends', () => {
    expect(iso(dueAt(at('2026-01-28T15:00:00Z'), 7, 'UTC'))).toBe('2026-02-05T00:00:00.000Z');
    expect(dueDate(dueAt(at('2026-01-28T15:00:00Z'), 7, 'UTC'), 'UTC')).toBe('2026-02-04');
    expect(dueDate(dueAt(at('2028-02-25T09:00:00Z'), 7, 'UTC'), 'UTC')).toBe('2028-03-03'); // leap year
    expect(dueDate(dueAt(at('2027-02-25T09:00:00Z'), 7, 'UTC'), 'UTC')).toBe('2027-03-04');
    expect(dueDate(dueAt(at('2026-12-28T23:59:00Z'), 14, 'UTC'), 'UTC')).toBe('2027-01-11');
    expect(dueDate(dueAt(at('2026-04-30T00:00:00Z'), 1, 'UTC'), 'UTC')).toBe('2026-05-01');
  });

  it("counts in the shop's time zone: the same instant is a different local day in Shanghai and Los Angeles", () => {
    const dispatched = at('2026-03-10T23:30:00Z'); // 11 March 07:30 in Shanghai, 10 March 16:30 in LA
    expect(iso(dueAt(dispatched, 7, 'Asia/Shanghai'))).toBe('2026-03-18T16:00:00.000Z');
    expect(dueDate(dueAt(dispatched, 7, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe('2026-03-18');
    expect(iso(dueAt(dispatched, 7, 'America/Los_Angeles'))).toBe('2026-03-18T07:00:00.000Z');
    expect(dueDate(dueAt(dispatched, 7, 'America/Los_Angeles'), 'America/Los_Angeles')).toBe('2026-03-17');
    expect(iso(dueAt(dispatched, 7, 'UTC'))).toBe('2026-03-18T00:00:00.000Z');
    expect(iso(dueAt(at('2026-06-01T12:00:00Z'), 7, 'Asia/Kathmandu'))).toBe('2026-06-08T18:15:00.000Z'); // +05:45
  });

  it('ends at local midnight across daylight-saving changes', () => {
    // Berlin: clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(iso(dueAt(at('2026-03-25T10:00:00Z'), 7, 'Europe/Berlin'))).toBe('2026-04-01T22:00:00.000Z');
    expect(iso(dueAt(at('2026-10-20T12:00:00Z'), 7, 'Europe/Berlin'))).toBe('2026-10-27T23:00:00.000Z');
    expect(dueDate(dueAt(at('2026-10-20T12:00:00Z'), 7, 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-10-27');
    // Santiago skips local midnight on 6 September 2026 (00:00 -> 01:00): the day starts at 01:00.
    expect(iso(startOfLocalDay('2026-09-06', 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
    expect(iso(dueAt(at('2026-08-29T15:00:00Z'), 7, 'America/Santiago'))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('starts each local day at its first minute, in every zone and season', () => {
    const zones = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia'];
    for (const zone of zones) {
      for (let day = 0; day < 366; day += 5) {
        const date = addDays('2026-01-01', day);
        const start = startOfLocalDay(date, zone);
        expect(localDate(start, zone), `${zone} ${date}`).toBe(date);
        expect(localDate(new Date(start.getTime() - 60_000), zone), `${zone} ${date}`).toBe(addDays(date, -1));
      }
    }
  });

  it('refuses a period that is not a whole positive number of days', () => {
    expect(() => dueAt(at('2026-01-01T00:00:00Z'), 0, 'UTC')).toThrow(RangeError);
    expect(() => dueAt(at('2026-01-01T00:00:00Z'), 1.5, 'UTC')).toThrow(RangeError);
  });
});

describe('days late and the late fee', () => {
  const due = dueAt(at('2026-01-24T10:00:00Z'), 7, 'UTC'); // due by 31 January

  it('is on time until the due day ends, then one day per local day begun', () => {
    expect(daysLate(due, at('2026-01-31T23:59:59Z'), 'UTC')).toBe(0);
    expect(daysLate(due, at('2026-02-01T00:00:00Z'), 'UTC')).toBe(1);
    expect(daysLate(due, at('2026-02-01T23:00:00Z'), 'UTC')).toBe(1);
    expect(daysLate(due, at('2026-02-02T00:30:00Z'), 'UTC')).toBe(2);
    expect(daysLate(due, at('2026-03-01T08:00:00Z'), 'UTC')).toBe(29); // February has 28 days in 2026
  });

  it("counts the shop's local days, also across a daylight-saving change", () => {
    const berlin = dueAt(at('2026-10-17T12:00:00Z'), 7, 'Europe/Berlin'); // due by 24 October (CEST)
    expect(iso(berlin)).toBe('2026-10-24T22:00:00.000Z');
    expect(daysLate(berlin, at('2026-10-24T21:59:00Z'), 'Europe/Berlin')).toBe(0);
    expect(daysLate(berlin, at('2026-10-26T23:30:00Z'), 'Europe/Berlin')).toBe(3); // 27 Oct 00:30 CET
    // 18 March 02:00 UTC: a day late in a UTC shop, still on time in Los Angeles (17 March, 19:00).
    const utc = dueAt(at('2026-03-10T12:00:00Z'), 7, 'UTC');
    const la = dueAt(at('2026-03-10T20:00:00Z'), 7, 'America/Los_Angeles');
    expect(daysLate(utc, at('2026-03-18T02:00:00Z'), 'UTC')).toBe(1);
    expect(daysLate(la, at('2026-03-18T02:00:00Z'), 'America/Los_Angeles')).toBe(0);
  });

  it('charges days late × the daily fee, never more than the deposit', () => {
    expect(lateFeeMinor(0, 150, 2999)).toBe(0);
    expect(lateFeeMinor(3, 150, 2999)).toBe(450);
    expect(lateFeeMinor(20, 150, 2999)).toBe(2999);
    expect(lateFeeMinor(20, 150, 0)).toBe(0);
    expect(() => lateFeeMinor(-1, 150, 2999)).toThrow(RangeError);
  });
});

describe('fees, refunds and buy-outs', () => {
  it('charges one fee per shortest offered period and refuses a period not offered', () => {
    expect(rentalFeeMinor(499, 7, [7, 14])).toBe(499);
    expect(rentalFeeMinor(499, 14, [7, 14])).toBe(998);
    expect(() => rentalFeeMinor(499, 10, [7, 14])).toThrow(/10 days is not offered/);
    expect(() => rentalFeeMinor(499, 7, [])).toThrow(RangeError);
    expect(defaultLateFeePerDayMinor(499, 7)).toBe(72);
    expect(defaultLateFeePerDayMinor(700, 7)).toBe(100);
  });

  it('refunds the deposit less the late fee and damage, never below zero', () => {
    expect(depositRefundMinor(2999, 0, 0)).toBe(2999);
    expect(depositRefundMinor(2999, 450, 0)).toBe(2549);
    expect(depositRefundMinor(2999, 450, 1000)).toBe(1549);
    expect(depositRefundMinor(2999, 2999, 500)).toBe(0);
    expect(() => depositRefundMinor(2999, -1, 0)).toThrow(RangeError);
  });

  it('sells the copy for the sale price less the fee paid, from the deposit first', () => {
    expect(buyOut({ salePriceMinor: 2999, feePaidMinor: 499, depositMinor: 2999 })).toEqual({
      priceMinor: 2500,
      fromDepositMinor: 2500,
      refundMinor: 499,
      shortfallMinor: 0,
    });
    expect(buyOut({ salePriceMinor: 2999, feePaidMinor: 499, depositMinor: 1000 })).toEqual({
      priceMinor: 2500,
      fromDepositMinor: 1000,
      refundMinor: 0,
      shortfallMinor: 1500,
    });
    expect(buyOut({ salePriceMinor: 2999, feePaidMinor: 499, depositMinor: 2999, lateFeeMinor: 600 })).toEqual({
      priceMinor: 2500,
      fromDepositMinor: 2399,
      refundMinor: 0,
      shortfallMinor: 101,
    });
    expect(buyOut({ salePriceMinor: 400, feePaidMinor: 499, depositMinor: 400 })).toEqual({
      priceMinor: 0,
      fromDepositMinor: 0,
      refundMinor: 400,
      shortfallMinor: 0,
    });
    expect(() => buyOut({ salePriceMinor: 2999, feePaidMinor: 0, depositMinor: 100, lateFeeMinor: 200 })).toThrow(
      RangeError,
    );
  });
});
