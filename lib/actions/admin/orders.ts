'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import type { z } from 'zod';
import { asAdmin } from '@/lib/admin/guard';
import { invalidateAfterStockChange } from '@/lib/catalog/invalidate';
import { parseAmountToMinor } from '@/lib/admin/orders/amount';
import { markOrderDelivered, shipOrder } from '@/lib/orders/fulfilment';
import { addOrderNote } from '@/lib/orders/notes';
import { refundOrder, retryOrderRefunds } from '@/lib/orders/refunds';
import { cancelReviewedOrder, markReviewedOrderPaid } from '@/lib/orders/review';
import { cancelOrderAsAdmin } from '@/lib/orders/staff-cancel';
import { getOrderCurrency as orderCurrency } from '@/lib/admin/orders/queries';
import {
  formFields,
  issuesToFieldErrors,
  orderIdSchema,
  orderNoteSchema,
  refundOrderSchema,
  resolveOrderSchema,
  shipOrderSchema,
} from '@/lib/admin/orders/validation';

/**
 * Back-office order actions (/admin/orders/{number}). Each one starts with `asAdmin`, so a visitor or
 * a customer is refused before anything is read; then it parses the form with zod (field errors come
 * back as message keys), calls one state change of lib/orders (which checks the role again) and invalidates what changed. Every
 * action takes `(previousState, formData)`, the shape `useActionState` uses.
 */

const invalid = (error: z.ZodError) =>
  ({ ok: false, error: 'invalid', fieldErrors: issuesToFieldErrors(error) }) as const;

/** Mark a paid order shipped with its carrier and tracking number; the customer gets the tracking link. */
export const shipOrderAction = formAction(
  'shipOrder',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = shipOrderSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      return shipOrder(admin, parsed.data);
    });
  },
  INVALID_INPUT,
);

export const markOrderDeliveredAction = formAction(
  'markOrderDelivered',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = orderIdSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      return markOrderDelivered(admin, parsed.data.orderId);
    });
  },
  INVALID_INPUT,
);

/** Cancel an unpaid order, or a paid one that has not shipped (refunded in full). Stock comes back. */
export const cancelOrderAction = formAction(
  'cancelOrder',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = orderIdSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      const result = await cancelOrderAsAdmin(admin, parsed.data.orderId);
      if (!result.ok) return result;
      invalidateAfterStockChange(result.productSlugs, true);
      return { ok: true as const };
    });
  },
  INVALID_INPUT,
);

/** Refund part or all of what is left of an order, in the store's currency ("12.50"). */
export const refundOrderAction = formAction(
  'refundOrder',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = refundOrderSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      const currency = await orderCurrency(parsed.data.orderId);
      if (!currency) return { ok: false as const, error: 'orderNotFound' };
      const amountMinor = parseAmountToMinor(parsed.data.amount, currency);
      if (amountMinor === null || amountMinor <= 0) {
        return { ok: false as const, error: 'invalid', fieldErrors: { amount: 'amountInvalid' } };
      }
      const result = await refundOrder(admin, {
        orderId: parsed.data.orderId,
        amountMinor,
        reason: parsed.data.reason,
      });
      return result.ok ? { ok: true as const } : result;
    });
  },
  INVALID_INPUT,
);

/** Send the refunds the payment provider has not confirmed yet again (same idempotency keys). */
export const retryOrderRefundsAction = formAction(
  'retryOrderRefunds',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = orderIdSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      return retryOrderRefunds(admin, parsed.data.orderId);
    });
  },
  INVALID_INPUT,
);

/** An internal note on the order's timeline; the customer never sees it. */
export const addOrderNoteAction = formAction(
  'addOrderNote',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = orderNoteSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      return addOrderNote(admin, parsed.data);
    });
  },
  INVALID_INPUT,
);

/**
 * Resolve an order waiting for review: it was paid after all (mark paid), or cancel it and refund
 * what was actually paid, or retry refunds the provider refused.
 */
export const resolveOrderAction = formAction(
  'resolveOrder',
  async (formData: FormData) => {
    return asAdmin(async (admin) => {
      const parsed = resolveOrderSchema.safeParse(formFields(formData));
      if (!parsed.success) return invalid(parsed.error);
      const input = parsed.data;
      if (input.decision === 'retryRefunds') return retryOrderRefunds(admin, input.orderId);
      if (input.decision === 'markPaid') {
        const result = await markReviewedOrderPaid(admin, input.orderId);
        if (!result.ok) return result;
        if (result.productSlugs.length > 0) invalidateAfterStockChange(result.productSlugs, true);
        return { ok: true as const };
      }
      const currency = await orderCurrency(input.orderId);
      if (!currency) return { ok: false as const, error: 'orderNotFound' };
      const amountMinor = parseAmountToMinor(input.amount, currency);
      if (amountMinor === null)
        return { ok: false as const, error: 'invalid', fieldErrors: { amount: 'amountInvalid' } };
      const result = await cancelReviewedOrder(admin, { orderId: input.orderId, amountMinor });
      if (!result.ok) return result;
      if (result.productSlugs.length > 0) invalidateAfterStockChange(result.productSlugs, true);
      return { ok: true as const };
    });
  },
  INVALID_INPUT,
);
