import 'server-only';

/**
 * What the checkout needs from a payment provider. Two implementations: Stripe (lib/payments/stripe.ts)
 * when STRIPE_SECRET_KEY is set, and the built-in demo provider (lib/payments/demo.ts) otherwise.
 * Providers never mark an order paid themselves: that is lib/orders/payment.ts, called by the Stripe
 * webhook or the demo payment page.
 */
export type OrderForPayment = {
  id: number;
  number: string;
  /** Null once the customer deleted the account (the order keeps no address). */
  email: string | null;
  currency: string;
  locale: 'en' | 'zh';
  /** A rental line's unit price is the fee for its period; its deposit is charged beside it. */
  lines: {
    title: string;
    format: string;
    unitPriceMinor: number;
    quantity: number;
    rentalPeriodDays?: number | null;
    rentalDepositMinor?: number | null;
  }[];
  shippingMinor: number;
  /** Tax added on top (exclusive pricing); zero when prices include tax. */
  addedTaxMinor: number;
  totalMinor: number;
  /** Where the provider sends the shopper back: the order page (with the guest key if needed). */
  returnUrl: string;
  cancelUrl: string;
  expiresAt: Date;
};

export type PaymentStart = { redirectUrl: string; paymentRef: string };

export interface PaymentProvider {
  readonly id: 'stripe' | 'demo';
  /** Creates the payment for an order; called once per order (idempotent per order id). */
  startPayment(order: OrderForPayment): Promise<PaymentStart>;
  /** Refunds part or all of a paid order; `idempotencyKey` makes a retried refund happen once. */
  refund(input: {
    paymentRef: string;
    paymentIntentRef: string | null;
    amountMinor: number;
    idempotencyKey: string;
  }): Promise<{ refundRef: string }>;
  /** Stops a payment that has not happened yet (the order expired or was cancelled). */
  cancelPayment(paymentRef: string): Promise<void>;
}
