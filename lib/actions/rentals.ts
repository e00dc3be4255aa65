'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { now as clockNow } from '@/lib/clock';
import { invalidateAfterStockChange } from '@/lib/catalog/invalidate';
import { startPayment } from '@/lib/checkout/start-payment';
import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { keepRental } from '@/lib/rentals/keep';

/*
 * The shopper's rental actions (/account/rentals). Each one authenticates (getCurrentUser: the user id
 * never comes from the client; lib/rentals checks the rental is theirs), parses its form with zod and
 * calls one lib/rentals function. Errors are keys of `RentalKeep.errors`.
 */

export type KeepRentalState =
  | { ok: true; rentalId: number; refundMinor: number }
  | { ok: false; rentalId?: number; error: string; fieldErrors?: Record<string, string> };

// Whole minor units as the form wrote them (a missing field is invalid, not 0).
const amount = z
  .string()
  .regex(/^\d{1,10}$/)
  .transform(Number)
  .pipe(z.number().max(2_147_483_647));
/** The rental, and the quote the shopper confirmed (price and late fee so far, minor units, as the page showed them). */
const keepSchema = z.object({
  rentalId: z.coerce.number().int().positive().max(2_147_483_647),
  priceMinor: amount,
  lateFeeMinor: amount,
});

/**
 * "Keep it": the shopper keeps the copy of their out rental for the buy-out price (lib/rentals/keep.ts).
 * When the deposit left covers it, it is done at once (the rest refunded); when it does not, the
 * shopper is sent to pay the shortfall on the order's payment page (Stripe or the demo provider), and
 * the copy is theirs once that is paid.
 */
export const keepRentalAction = formAction(
  'keepRental',
  async (formData: FormData): Promise<KeepRentalState> => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, error: 'unauthenticated' };
    const parsed = keepSchema.safeParse({
      rentalId: formData.get('rentalId'),
      priceMinor: formData.get('priceMinor'),
      lateFeeMinor: formData.get('lateFeeMinor'),
    });
    if (!parsed.success) return { ok: false, error: 'invalid' };
    const { rentalId, priceMinor, lateFeeMinor } = parsed.data;
    const result = await keepRental(user, { rentalId, now: clockNow(), expected: { priceMinor, lateFeeMinor } });
    if (!result.ok) return { ok: false, rentalId, error: result.error };
    if (result.outcome === 'payment') redirect(await startPayment(result.orderId));
    // The copy left the pool: the edition's rent offer (free copies, "in service") may have changed.
    invalidateAfterStockChange([result.productSlug], true);
    return { ok: true, rentalId, refundMinor: result.quote.refundMinor };
  },
  INVALID_INPUT,
);
