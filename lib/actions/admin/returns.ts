'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import type { z } from 'zod';
import { asAdmin } from '@/lib/admin/guard';
import { parseAmountToMinor } from '@/lib/admin/orders/amount';
import { formFields, issuesToFieldErrors } from '@/lib/admin/orders/validation';
import { invalidateAfterStockChange } from '@/lib/catalog/invalidate';
import { approveReturn, rejectReturn } from '@/lib/orders/return-decisions';
import { receiveReturn, retryReturnRefund } from '@/lib/orders/return-receipt';
import { getReturnCurrency } from '@/lib/admin/returns/queries';
import {
  approveReturnSchema,
  receiveReturnSchema,
  rejectReturnSchema,
  resellableLines,
  returnIdSchema,
} from '@/lib/admin/returns/validation';

/**
 * Back-office return actions (/admin/returns/{id}). Each one starts with `asAdmin`, so a visitor or a
 * customer is refused before anything is read; then zod, then one state change of lib/orders (which checks the role again).
 */

const invalid = (error: z.ZodError) =>
  ({ ok: false, error: 'invalid', fieldErrors: issuesToFieldErrors(error) }) as const;

/** Approve a return request; the customer gets the instructions and the optional message. */
export const approveReturnAction = formAction(
  'approveReturn',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = approveReturnSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      return approveReturn(admin, parsed.data);
    });
  },
  INVALID_INPUT,
);

/** Reject a return request with a reason the customer receives. */
export const rejectReturnAction = formAction(
  'rejectReturn',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = rejectReturnSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      return rejectReturn(admin, parsed.data);
    });
  },
  INVALID_INPUT,
);

/** The parcel arrived: resellable units go back in stock, and the refund goes out. */
export const receiveReturnAction = formAction(
  'receiveReturn',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const fields = formFields(formData);
      const parsed = receiveReturnSchema.safeParse({ ...fields, lines: resellableLines(fields) });
      if (!parsed.success) {
        const fieldErrors = issuesToFieldErrors(parsed.error);
        // A bad per-line number is reported on that line's field.
        for (const issue of parsed.error.issues) {
          const index = issue.path[0] === 'lines' ? Number(issue.path[1]) : NaN;
          const line = Number.isInteger(index) ? resellableLines(fields)[index] : undefined;
          if (line) fieldErrors[`resellable-${line.returnLineId}`] = 'resellableInvalid';
        }
        return { ok: false as const, error: 'invalid', fieldErrors };
      }
      const currency = await getReturnCurrency(parsed.data.returnId);
      if (!currency) return { ok: false as const, error: 'returnNotFound' };
      const refundMinor = parseAmountToMinor(parsed.data.amount, currency);
      if (refundMinor === null)
        return { ok: false as const, error: 'invalid', fieldErrors: { amount: 'amountInvalid' } };
      const result = await receiveReturn(admin, {
        returnId: parsed.data.returnId,
        lines: parsed.data.lines,
        refundMinor,
      });
      if (!result.ok) return result;
      if (result.productSlugs.length > 0) invalidateAfterStockChange(result.productSlugs, result.availabilityChanged);
      return result.refundFailed ? { ok: false as const, error: 'providerFailed' } : { ok: true as const };
    });
  },
  INVALID_INPUT,
);

/** Retry a received return's refund that the payment provider refused. */
export const retryReturnRefundAction = formAction(
  'retryReturnRefund',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = returnIdSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      return retryReturnRefund(admin, parsed.data.returnId);
    });
  },
  INVALID_INPUT,
);
