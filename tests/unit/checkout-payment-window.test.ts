import { describe, expect, it } from 'vitest';
import { paymentWindowMinutes } from '@/lib/checkout/payment-window';
import { parseEnv } from '@/lib/env';

describe('payment windows', () => {
  const base = { orderPaymentMinutes: 35, stripe: false };

  it('gives signed-in shoppers ORDER_PAYMENT_MINUTES and guests the shorter guest window', () => {
    expect(paymentWindowMinutes(false, base)).toBe(35);
    expect(paymentWindowMinutes(true, base)).toBe(15);
    expect(paymentWindowMinutes(true, { ...base, guestPaymentMinutes: 10 })).toBe(10);
  });

  it('never goes below what a Stripe Checkout Session needs, nor above ORDER_PAYMENT_MINUTES', () => {
    expect(paymentWindowMinutes(true, { ...base, stripe: true })).toBe(30);
    expect(paymentWindowMinutes(true, { ...base, stripe: true, guestPaymentMinutes: 10 })).toBe(30);
    expect(paymentWindowMinutes(true, { ...base, orderPaymentMinutes: 12 })).toBe(12);
  });
});

describe('unpaid-order settings', () => {
  it('has defaults: 3 unpaid orders per visitor and per email, 10 per IP, guest window unset', () => {
    expect(parseEnv({})).toMatchObject({
      ORDER_UNPAID_PER_VISITOR: 3,
      ORDER_UNPAID_PER_EMAIL: 3,
      ORDER_UNPAID_PER_IP: 10,
    });
    expect(parseEnv({}).ORDER_GUEST_PAYMENT_MINUTES).toBeUndefined();
    expect(parseEnv({ ORDER_UNPAID_PER_IP: '50' }).ORDER_UNPAID_PER_IP).toBe(50);
  });

  it('refuses a guest window longer than ORDER_PAYMENT_MINUTES, or under 30 minutes with Stripe', () => {
    expect(parseEnv({ ORDER_GUEST_PAYMENT_MINUTES: '20' }).ORDER_GUEST_PAYMENT_MINUTES).toBe(20);
    expect(() => parseEnv({ ORDER_GUEST_PAYMENT_MINUTES: '40' })).toThrow(
      /ORDER_GUEST_PAYMENT_MINUTES: must not be longer than ORDER_PAYMENT_MINUTES \(35\)/,
    );
    expect(() => parseEnv({ ORDER_GUEST_PAYMENT_MINUTES: '20', STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow(
      /ORDER_GUEST_PAYMENT_MINUTES: must be at least 30 with Stripe/,
    );
    expect(
      parseEnv({ ORDER_GUEST_PAYMENT_MINUTES: '30', STRIPE_SECRET_KEY: 'sk_test_x' }).ORDER_GUEST_PAYMENT_MINUTES,
    ).toBe(30);
    expect(() => parseEnv({ ORDER_UNPAID_PER_VISITOR: '0' })).toThrow(/ORDER_UNPAID_PER_VISITOR: must be between 1/);
  });
});
