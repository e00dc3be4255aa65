import { describe, expect, it } from 'vitest';
import {
  computeTotals,
  needsShipping,
  type PricedLine,
  type PricingConfig,
  shippingOptions,
  subtotalOf,
} from '@/lib/checkout/pricing';

const config: PricingConfig = {
  standardMinor: 499,
  expressMinor: 1499,
  freeOverMinor: 5000,
  taxRatePercent: 0,
  taxInclusive: false,
};
const cd = (unitPriceMinor: number, quantity = 1): PricedLine => ({ unitPriceMinor, quantity, digital: false });
const download = (unitPriceMinor: number, quantity = 1): PricedLine => ({ unitPriceMinor, quantity, digital: true });

describe('order maths', () => {
  it('adds up unit price × quantity over the lines', () => {
    expect(subtotalOf([])).toBe(0);
    expect(subtotalOf([cd(1000, 3), download(250, 2)])).toBe(3500);
  });

  it('ships an order with any physical line, and nothing for downloads only', () => {
    expect(needsShipping([download(999)])).toBe(false);
    expect(needsShipping([download(999), cd(1)])).toBe(true);
    expect(shippingOptions([download(999)], config)).toEqual([]);
  });

  it('makes standard shipping free from the threshold on, never express, and never with a threshold of 0', () => {
    expect(shippingOptions([cd(4999)], config)).toEqual([
      { method: 'standard', priceMinor: 499 },
      { method: 'express', priceMinor: 1499 },
    ]);
    expect(shippingOptions([cd(5000)], config)).toEqual([
      { method: 'standard', priceMinor: 0 },
      { method: 'express', priceMinor: 1499 },
    ]);
    expect(shippingOptions([cd(900_000)], { ...config, freeOverMinor: 0 })[0]).toEqual({
      method: 'standard',
      priceMinor: 499,
    });
  });

  it('totals goods and the chosen shipping method, standard when none is chosen', () => {
    expect(computeTotals([cd(1000, 2)], null, config)).toEqual({
      subtotalMinor: 2000,
      shippingMinor: 499,
      taxMinor: 0,
      depositMinor: 0,
      totalMinor: 2499,
      taxInclusive: false,
      needsShipping: true,
    });
    expect(computeTotals([cd(1000, 2)], 'express', config)).toMatchObject({ shippingMinor: 1499, totalMinor: 3499 });
    expect(computeTotals([download(1000)], 'express', config)).toEqual({
      subtotalMinor: 1000,
      shippingMinor: 0,
      taxMinor: 0,
      depositMinor: 0,
      totalMinor: 1000,
      taxInclusive: false,
      needsShipping: false,
    });
  });

  it('adds exclusive tax on goods and shipping, rounded half up', () => {
    // (1000 + 499) × 10 % = 149.9 → 150.
    expect(computeTotals([cd(1000)], 'standard', { ...config, taxRatePercent: 10 })).toMatchObject({
      taxMinor: 150,
      totalMinor: 1649,
      taxInclusive: false,
    });
    // 1005 × 10 % = 100.5 → 101 (half up).
    expect(computeTotals([download(1005)], null, { ...config, taxRatePercent: 10 }).taxMinor).toBe(101);
  });

  it('takes inclusive tax out of the prices without changing the total', () => {
    // 1200 + 0 shipping (free over 1000) at 20 % inclusive: tax = 1200 − round(1200 / 1.2) = 200.
    expect(
      computeTotals([cd(1200)], 'standard', { ...config, freeOverMinor: 1000, taxRatePercent: 20, taxInclusive: true }),
    ).toEqual({
      subtotalMinor: 1200,
      shippingMinor: 0,
      taxMinor: 200,
      depositMinor: 0,
      totalMinor: 1200,
      taxInclusive: true,
      needsShipping: true,
    });
  });

  it('adds rental deposits to the total untaxed, and leaves them out of the free-shipping threshold', () => {
    // A rental fee of 499 is a taxed good; the deposit of 2999 is not: (499 + 499) × 10 % = 99.8 → 100.
    const taxed = { ...config, taxRatePercent: 10, freeOverMinor: 1000 };
    expect(computeTotals([cd(499)], 'standard', taxed, 2999)).toEqual({
      subtotalMinor: 499,
      shippingMinor: 499,
      taxMinor: 100,
      depositMinor: 2999,
      totalMinor: 499 + 499 + 100 + 2999,
      taxInclusive: false,
      needsShipping: true,
    });
    // Inclusive: the tax is inside the fee and shipping, the deposit still comes on top.
    expect(
      computeTotals([cd(1200)], 'standard', { ...taxed, taxRatePercent: 20, taxInclusive: true }, 500),
    ).toMatchObject({
      taxMinor: 200,
      totalMinor: 1700,
    });
  });
});
