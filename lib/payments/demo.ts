import 'server-only';
import type { PaymentProvider } from './provider';

/**
 * The built-in demo provider, used when no Stripe key is configured: "payment" is a page of the
 * store itself (/pay/{number}) with Pay and Decline buttons, which go through the same order
 * functions as the Stripe webhook. Nothing is charged.
 */
export const demoProvider: PaymentProvider = {
  id: 'demo',
  async startPayment(order) {
    const url = new URL(order.returnUrl);
    const key = url.searchParams.get('key');
    return {
      paymentRef: `demo_${order.number}`,
      redirectUrl: `/pay/${encodeURIComponent(order.number)}${key ? `?key=${encodeURIComponent(key)}` : ''}`,
    };
  },
  async refund({ paymentRef, amountMinor }) {
    return { refundRef: `demo_refund_${paymentRef}_${amountMinor}_${Date.now()}` };
  },
  async cancelPayment() {},
};
