'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/session';
import { currentCartId } from '@/lib/cart/queries';
import { invalidateAfterStockChange } from '@/lib/catalog/invalidate';
import { requestLocale } from '@/lib/i18n/server';
import { clientIp } from '@/lib/security/client-ip';
import { placeOrder } from '@/lib/checkout/place-order';
import { checkoutFormToInput } from '@/lib/checkout/validation';

export type CheckoutState = { ok: false; error: string; fieldErrors?: Record<string, string> } | null;

/**
 * "Place order": one transaction (lib/checkout/place-order.ts), then off to pay. A double click
 * submits the same checkout key twice and both land on the same order.
 */
export const placeOrderAction = formAction(
  'placeOrder',
  async (formData: FormData): Promise<CheckoutState> => {
    const result = await placeOrder(checkoutFormToInput(formData), {
      user: await getCurrentUser(),
      cartId: await currentCartId(),
      locale: await requestLocale(),
      // Null when the client's IP is unknown: the caps on unpaid orders then use one shared bucket.
      ip: clientIp(await headers()),
    });
    if (!result.ok) return { ok: false, error: result.error, fieldErrors: result.fieldErrors };
    if (!result.repeated) invalidateAfterStockChange(result.productSlugs, result.soldOut);
    redirect(result.redirectUrl);
  },
  INVALID_INPUT,
);
