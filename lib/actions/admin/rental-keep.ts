'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { asAdmin } from '@/lib/admin/guard';
import { now as clockNow } from '@/lib/clock';
import { parseAmountToMinor } from '@/lib/admin/orders/amount';
import { issuesToFieldErrors, formFields } from '@/lib/admin/orders/validation';
import { markLostSchema } from '@/lib/admin/rentals/keep-validation';
import { env } from '@/lib/env';
import type { DepositRefund } from '@/lib/rentals/deposit';
import { markRentalLost } from '@/lib/rentals/lost';

/**
 * The desk's "mark lost" (/admin/rentals, the out and overdue lists). Starts with `asAdmin` (a visitor
 * or customer is refused before anything is read), parses the form with zod, and calls
 * lib/rentals/lost.ts markRentalLost, which checks the role again and writes the audit row. Refusals
 * (a rental no longer out) change nothing.
 */

export type MarkLostResult =
  | { ok: true; lateFeeMinor: number; chargeMinor: number; currency: string; refund: DepositRefund }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

export const markRentalLostAction = formAction(
  'rentalMarkLost',
  async (formData: FormData): Promise<MarkLostResult> => {
    return asAdmin(async (admin): Promise<MarkLostResult> => {
      const parsed = markLostSchema.safeParse(formFields(formData));
      if (!parsed.success) return { ok: false, error: 'invalid', fieldErrors: issuesToFieldErrors(parsed.error) };
      const charge = parsed.data.charge ? parseAmountToMinor(parsed.data.charge, env.STORE_CURRENCY) : 0;
      if (charge === null) return { ok: false, error: 'invalid', fieldErrors: { charge: 'amountInvalid' } };
      const result = await markRentalLost(admin, {
        rentalId: parsed.data.rentalId,
        chargeMinor: charge,
        now: clockNow(),
      });
      if (!result.ok) return result;
      return {
        ok: true,
        lateFeeMinor: result.lateFeeMinor,
        chargeMinor: result.chargeMinor,
        currency: env.STORE_CURRENCY,
        refund: result.refund,
      };
    });
  },
  INVALID_INPUT,
);
