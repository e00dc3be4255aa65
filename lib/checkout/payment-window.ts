/**
 * How long an unpaid order holds its stock before it is cancelled (and the stock goes back).
 *
 * Orders of signed-in shoppers get ORDER_PAYMENT_MINUTES. Guest orders get a shorter window,
 * ORDER_GUEST_PAYMENT_MINUTES (default 15 minutes), because anyone can place them: stock held by an
 * order nobody pays comes back sooner. The payment provider sets a floor: a Stripe Checkout Session
 * stays payable for at least 30 minutes (Stripe's minimum), so with Stripe a guest order is never
 * cancelled before 30 minutes (default 30); the expiry job also expires the session, so a payment
 * cannot start after the order is gone. A guest window is never longer than ORDER_PAYMENT_MINUTES.
 */
export const GUEST_PAYMENT_MINUTES_DEFAULT = 15;
/** Stripe's shortest Checkout Session (`expires_at` is 30 minutes to 24 hours after creation). */
export const STRIPE_SESSION_MINUTES_MIN = 30;

export function paymentWindowMinutes(
  guest: boolean,
  config: { orderPaymentMinutes: number; guestPaymentMinutes?: number; stripe: boolean },
): number {
  if (!guest) return config.orderPaymentMinutes;
  const floor = config.stripe ? STRIPE_SESSION_MINUTES_MIN : 5;
  const wanted =
    config.guestPaymentMinutes ?? (config.stripe ? STRIPE_SESSION_MINUTES_MIN : GUEST_PAYMENT_MINUTES_DEFAULT);
  return Math.min(config.orderPaymentMinutes, Math.max(floor, wanted));
}
