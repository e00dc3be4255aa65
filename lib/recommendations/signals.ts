import type { Reason } from './types';

/** The interaction events the store records. */
export type SignalType = 'purchase' | 'rating' | 'wishlist' | 'add_to_cart' | 'view';

/**
 * Default strength of each signal. A rating counts only when it is positive (4 or 5 stars);
 * lower ratings are not a positive interaction and are dropped by {@link signalWeight}.
 */
export const SIGNAL_WEIGHTS: Readonly<Record<SignalType, number>> = {
  purchase: 5,
  rating: 4,
  wishlist: 3,
  add_to_cart: 2,
  view: 1,
};

/** Stars a rating needs to count as a positive interaction. */
export const POSITIVE_RATING = 4;

/**
 * The weight of one event, or 0 when it is not a positive interaction (a rating below
 * {@link POSITIVE_RATING}). `weights` overrides the defaults.
 */
export function signalWeight(
  signal: SignalType,
  rating?: number | null,
  weights: Readonly<Record<SignalType, number>> = SIGNAL_WEIGHTS,
): number {
  if (signal === 'rating' && (rating == null || rating < POSITIVE_RATING)) return 0;
  return weights[signal] ?? 0;
}

/**
 * How a recommendation explains itself when `signal` on the source item contributed most:
 * buying (or rating, which only buyers can do) reads "because you bought", anything else
 * "because you viewed".
 */
export function reasonKindForSignal(signal: SignalType | undefined): Reason['kind'] {
  return signal === 'purchase' || signal === 'rating' ? 'because_bought' : 'because_viewed';
}
