'use server';

import type { z } from 'zod';
import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { asAdmin } from '@/lib/admin/guard';
import { invalidateAfterStockChange } from '@/lib/catalog/invalidate';
import { formFields, issuesToFieldErrors } from '@/lib/admin/orders/validation';
import { parseAmountToMinor } from '@/lib/admin/orders/amount';
import { env } from '@/lib/env';
import { now as clockNow } from '@/lib/clock';
import { daysLate, dueDate } from '@/lib/rentals/amounts';
import { addCopies, changeCopyStatus, gradeCopy, normalizeCopyCode } from '@/lib/rentals/copies';
import type { DepositRefund } from '@/lib/rentals/deposit';
import { checkIn, dispatchRental } from '@/lib/rentals/desk';
import { describeRental } from '@/lib/admin/rentals/queries';
import { addCopiesSchema, changeCopySchema, checkInSchema, dispatchSchema } from '@/lib/admin/rentals/validation';

/**
 * The rental desk's actions (/admin/rentals). Each one starts with `asAdmin`, so a visitor or a
 * customer is refused before anything is read; then it parses the form with zod (errors are keys of
 * admin.rentals.errors) and calls one change of lib/rentals, which checks the role again and writes
 * the audit row. Refusals (an unknown code, a copy not out…) change nothing.
 */

const invalid = (error: z.ZodError) =>
  ({ ok: false, error: 'invalid', fieldErrors: issuesToFieldErrors(error) }) as const;

export type CheckInResult =
  | {
      ok: true;
      code: string;
      productTitle: string;
      format: string;
      editionName: string | null;
      orderNumber: string | null;
      currency: string;
      daysLate: number;
      lateFeeMinor: number;
      damageChargeMinor: number;
      refund: DepositRefund;
    }
  | { ok: false; error: string; fieldErrors?: Record<string, string> };

/**
 * Checks a copy in by the code typed or scanned, with an optional damage charge: the late fee is
 * kept and the rest of the deposit refunded (lib/rentals/desk.ts `checkIn`). Answers what the desk
 * shows: the title, days late, the fee kept, the damage charged and what became of the deposit.
 */
export const checkInAction = formAction(
  'rentalCheckIn',
  async (formData: FormData): Promise<CheckInResult> => {
    return asAdmin(async (admin): Promise<CheckInResult> => {
      const parsed = checkInSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      const damage = parsed.data.damage ? parseAmountToMinor(parsed.data.damage, env.STORE_CURRENCY) : 0;
      if (damage === null) return { ok: false, error: 'invalid', fieldErrors: { damage: 'amountInvalid' } };
      const now = clockNow();
      const result = await checkIn(admin, { code: parsed.data.code, now, damageChargeMinor: damage });
      if (!result.ok) return result;
      const { rental } = result;
      const about = await describeRental(rental.id);
      if (!about) throw new Error(`Rental ${rental.id} vanished after its check-in`);
      return {
        ok: true,
        code: normalizeCopyCode(parsed.data.code) ?? parsed.data.code,
        ...about,
        daysLate: rental.dueAt ? daysLate(rental.dueAt, now, env.SHOP_TIME_ZONE) : 0,
        lateFeeMinor: rental.lateFeeChargedMinor ?? 0,
        damageChargeMinor: rental.damageChargeMinor ?? 0,
        refund: result.refund,
      };
    });
  },
  INVALID_INPUT,
);

/** Marks a reserved rental (its order paid) as sent: the period starts, and the due date comes back. */
export const dispatchRentalAction = formAction(
  'rentalDispatch',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = dispatchSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      const { rentalId, copyCode, carrier, carrierName, trackingNumber } = parsed.data;
      const result = await dispatchRental(admin, {
        rentalId,
        now: clockNow(),
        copyCode,
        shipment: carrier ? { carrier, carrierName, trackingNumber } : undefined,
      });
      if (!result.ok) return result;
      const due = result.rental.dueAt;
      return { ok: true as const, dueDate: due ? dueDate(due, env.SHOP_TIME_ZONE) : null };
    });
  },
  INVALID_INPUT,
);

/** Adds copies of a rentable edition, one code a line, all or none (the refusal names the code). */
export const addCopiesAction = formAction(
  'rentalAddCopies',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = addCopiesSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      const result = await addCopies(admin, { ...parsed.data, now: clockNow() });
      if (result.ok) {
        // New copies can make the edition rentable in the shop: its offer, badge and filter are cached.
        invalidateAfterStockChange([result.productSlug], true);
        return { ok: true as const, added: result.copies.length };
      }
      return {
        ok: false as const,
        error: result.error,
        ...(result.code !== undefined ? { code: result.code } : {}),
      };
    });
  },
  INVALID_INPUT,
);

/** Grades a copy, or marks it lost, damaged, retired or (after the check of a returned copy) available. */
export const changeCopyAction = formAction(
  'rentalChangeCopy',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = changeCopySchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      const { code, change, grade } = parsed.data;
      const now = clockNow();
      if (change === 'grade') {
        if (!grade) return { ok: false as const, error: 'invalid', fieldErrors: { grade: 'gradeRequired' } };
        return gradeCopy(admin, { code, grade, now }).then(copyAnswer);
      }
      const result = await changeCopyStatus(admin, { code, to: change, grade, now });
      // A copy leaving or rejoining the pool can end or start the edition's rent offer (cached).
      if (result.ok) invalidateAfterStockChange([result.productSlug], true);
      return copyAnswer(result);
    });
  },
  INVALID_INPUT,
);

function copyAnswer(result: Awaited<ReturnType<typeof gradeCopy>>) {
  return result.ok ? { ok: true as const, status: result.copy.status, grade: result.copy.grade } : result;
}
