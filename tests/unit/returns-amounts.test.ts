import { describe, expect, it } from 'vitest';
import { suggestedReturnRefund } from '@/lib/orders/return-amounts';
import { returnRequestSchema, sumReturnLines } from '@/lib/orders/returns';

describe('a return request', () => {
  it('sums an order line named twice into one entry', () => {
    expect(
      sumReturnLines([
        { orderLineId: 2, quantity: 2 },
        { orderLineId: 3, quantity: 1 },
        { orderLineId: 2, quantity: 2 },
      ]),
    ).toEqual([
      { orderLineId: 2, quantity: 4 },
      { orderLineId: 3, quantity: 1 },
    ]);
  });

  it('needs a request key, a reason and whole positive quantities', () => {
    const valid = {
      requestKey: '9b2c52a4-3c4e-4f0a-9a57-0c8f4f1f6a11',
      reason: 'Scratched',
      lines: [{ orderLineId: 1, quantity: 1 }],
    };
    expect(returnRequestSchema.safeParse(valid).success).toBe(true);
    for (const bad of [
      { ...valid, requestKey: 'x' },
      { ...valid, reason: ' ' },
      { ...valid, lines: [] },
      { ...valid, lines: [{ orderLineId: 1, quantity: 0 }] },
      { ...valid, lines: [{ orderLineId: 1, quantity: 1.5 }] },
      { ...valid, lines: [{ orderLineId: Number.NaN, quantity: 1 }] },
    ]) {
      expect(returnRequestSchema.safeParse(bad).success).toBe(false);
    }
  });
});

describe("a return's suggested refund", () => {
  const order = { subtotalMinor: 4500, shippingMinor: 500, taxMinor: 0, taxInclusive: false, refundableMinor: 5000 };

  it('is the value of the acceptable units, not of the order', () => {
    expect(suggestedReturnRefund([{ unitPriceMinor: 1000, acceptable: 1 }], order)).toBe(1000);
    expect(suggestedReturnRefund([{ unitPriceMinor: 1000, acceptable: 0 }], order)).toBe(0);
  });

  it('adds the tax charged on those units when tax was added on top, not when prices include it', () => {
    // 10 % on 45.00 + 5.00 shipping = 5.00 tax; one 10.00 item carries 1.00 of it.
    const taxed = { ...order, taxMinor: 500, refundableMinor: 5500 };
    expect(suggestedReturnRefund([{ unitPriceMinor: 1000, acceptable: 1 }], taxed)).toBe(1100);
    expect(suggestedReturnRefund([{ unitPriceMinor: 1000, acceptable: 1 }], { ...taxed, taxInclusive: true })).toBe(
      1000,
    );
  });

  it('never suggests more than is left to refund', () => {
    expect(suggestedReturnRefund([{ unitPriceMinor: 1000, acceptable: 3 }], { ...order, refundableMinor: 1200 })).toBe(
      1200,
    );
  });

  it('suggests nothing, not NaN, for an order with nothing taxable', () => {
    expect(
      suggestedReturnRefund([{ unitPriceMinor: 0, acceptable: 1 }], {
        subtotalMinor: 0,
        shippingMinor: 0,
        taxMinor: 0,
        taxInclusive: false,
        refundableMinor: 0,
      }),
    ).toBe(0);
  });
});
