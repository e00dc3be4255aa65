'use server';

import { actionArg, formAction, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { z } from 'zod';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { after } from 'next/server';
import { invalidateAfterStockChange } from '@/lib/catalog/invalidate';
import { startPayment } from '@/lib/checkout/start-payment';
import { requestLocale } from '@/lib/i18n/server';
import { clientIp } from '@/lib/security/client-ip';
import { consumeRateLimits } from '@/lib/security/rate-limit';
import { getOrderForViewer } from '@/lib/orders/queries';
import { cancelOrderAsCustomer, declineDemoOrder, type OrderActionResult, payDemoOrder } from '@/lib/orders/mutations';
import { orderLinkLimits, orderLinkRequestSchema, sendOrderLink } from '@/lib/orders/order-link';
import { requestReturn } from '@/lib/orders/returns';

/**
 * Order actions for shoppers. Every one re-checks that the viewer owns the order (or holds its
 * key): an order number alone never reaches anyone else's order.
 */
const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 200) : '');

/** As forms (the order page's and the demo payment page's buttons): the order's number and key. */
const ORDER_FIELDS = ['number', 'key'];

export const cancelOrderAction = valueAction(
  'cancelOrder',
  z.tuple([actionArg, actionArg]),
  async (number: unknown, key: unknown): Promise<OrderActionResult> => {
    const result = await cancelOrderAsCustomer(text(number), text(key) || null);
    if (result.ok) await restocked(text(number), text(key));
    return result;
  },
  INVALID_INPUT,
  ORDER_FIELDS,
);

/** The products of an order whose stock just came back: their pages and the lists refresh. */
async function restocked(number: string, key: string): Promise<void> {
  const order = await getOrderForViewer(number, key || null);
  if (order) invalidateAfterStockChange(Array.from(new Set(order.lines.map((line) => line.slug))), true);
}

export const payDemoOrderAction = valueAction(
  'payDemoOrder',
  z.tuple([actionArg, actionArg]),
  async (number: unknown, key: unknown): Promise<OrderActionResult> => {
    const result = await payDemoOrder(text(number), text(key) || null);
    if (!result.ok) return result;
    redirect(orderHref(text(number), text(key)));
  },
  INVALID_INPUT,
  ORDER_FIELDS,
);

export const declineDemoOrderAction = valueAction(
  'declineDemoOrder',
  z.tuple([actionArg, actionArg]),
  async (number: unknown, key: unknown): Promise<OrderActionResult> => {
    const result = await declineDemoOrder(text(number), text(key) || null);
    if (!result.ok) return result;
    await restocked(text(number), text(key));
    redirect(orderHref(text(number), text(key)));
  },
  INVALID_INPUT,
  ORDER_FIELDS,
);

/** "Pay now" on an unpaid order: back to the payment page (created again if needed). */
export const payOrderNowAction = valueAction(
  'payOrderNow',
  z.tuple([actionArg, actionArg]),
  async (number: unknown, key: unknown): Promise<OrderActionResult> => {
    const order = await getOrderForViewer(text(number), text(key) || null);
    if (!order?.canPay) return { ok: false, error: 'cannotPay' };
    redirect(await startPayment(order.id));
  },
  INVALID_INPUT,
  ORDER_FIELDS,
);

export const requestReturnAction = valueAction(
  'requestReturn',
  z.tuple([actionArg, actionArg, z.instanceof(FormData)]),
  async (number: unknown, key: unknown, formData: FormData): Promise<OrderActionResult> => {
    // Every `qty-<line>` field, repeats included: requestReturn sums them per order line.
    const lines = Array.from(formData.entries())
      .filter(([name, value]) => name.startsWith('qty-') && typeof value === 'string' && value !== '' && value !== '0')
      .map(([name, value]) => ({ orderLineId: Number(name.slice(4)), quantity: Number(value) }));
    return requestReturn(text(number), text(key) || null, {
      requestKey: formData.get('requestKey'),
      reason: formData.get('reason'),
      lines,
    });
  },
  INVALID_INPUT,
);

export type OrderLinkState = { ok: boolean; fieldErrors?: Record<string, string> } | null;

/**
 * "Email me a new link" on an order page whose link expired or is missing: always the same answer
 * whether or not the number and address match an order; rate-limited per order number and per IP.
 */
export const requestOrderLinkAction = formAction(
  'requestOrderLink',
  async (formData: FormData): Promise<OrderLinkState> => {
    const parsed = orderLinkRequestSchema.safeParse({ number: formData.get('number'), email: formData.get('email') });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue?.path[0] === 'email' ? 'email' : 'form';
      return {
        ok: false,
        fieldErrors: { [field]: field === 'email' ? 'emailInvalid' : (issue?.message ?? 'invalid') },
      };
    }
    const { allowed } = await consumeRateLimits(orderLinkLimits(parsed.data.number, clientIp(await headers())));
    if (!allowed) return { ok: false, fieldErrors: { form: 'throttled' } };
    const locale = await requestLocale();
    // The lookup and the mail happen after the response, so its timing says nothing about the order.
    after(() => sendOrderLink(parsed.data.number, parsed.data.email, locale));
    return { ok: true };
  },
  INVALID_INPUT,
);

function orderHref(number: string, key: string): string {
  return `/orders/${encodeURIComponent(number)}${key ? `?key=${encodeURIComponent(key)}` : ''}`;
}
