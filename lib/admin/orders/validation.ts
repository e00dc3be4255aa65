import { z } from 'zod';
import { queryText, safeString, text } from '@/lib/validation/text';
import { CARRIER_CODES, TRACKING_NUMBER } from '@/lib/orders/carriers';
import { orderStatus } from '@/lib/orders/schema';

/** Statuses an order can be in, in the order the back office lists them. */
export const ORDER_STATUSES = orderStatus.enumValues;
export type AdminOrderStatus = (typeof ORDER_STATUSES)[number];

export const ORDERS_PAGE_SIZE = 25;

export type OrderFilters = {
  status: AdminOrderStatus | null;
  /** Inclusive days (UTC), YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  /** Order number or (part of) an email address. */
  q: string;
  /** A customer's user id. */
  customer: number | null;
  page: number;
};

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => [value].flat()[0] ?? '';

/** A real calendar day as YYYY-MM-DD, or null. */
export function parseDay(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/**
 * The order list's filters from the URL. Anything malformed is dropped rather than refused: a
 * shared or hand-edited link still shows a list.
 */
export function readOrderFilters(params: SearchParams): OrderFilters {
  const status = first(params.status);
  const customer = first(params.customer);
  const page = Number.parseInt(first(params.page), 10);
  return {
    status: (ORDER_STATUSES as readonly string[]).includes(status) ? (status as AdminOrderStatus) : null,
    from: parseDay(first(params.from)),
    to: parseDay(first(params.to)),
    q: queryText(params.q, 200),
    customer: /^\d{1,9}$/.test(customer) ? Number(customer) : null,
    page: Number.isFinite(page) ? Math.min(10_000, Math.max(1, page)) : 1,
  };
}

/** The query string of a set of filters (page 1 is left out), for links that keep them. */
export function orderFiltersQuery(filters: Partial<OrderFilters>): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.q) params.set('q', filters.q);
  if (filters.customer) params.set('customer', String(filters.customer));
  if (filters.page && filters.page > 1) params.set('page', String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** An order number as typed ("EN-100001", "en100001", "100001"), normalised, or null. */
export function normaliseOrderNumber(value: string): string | null {
  const match = /^(?:EN-?)?(\d{1,12})$/i.exec(value.trim());
  return match ? `EN-${match[1]}` : null;
}

const id = z.coerce.number().int().positive().max(2_147_483_647);

export const orderIdSchema = z.object({ orderId: id });

export const shipOrderSchema = z
  .object({
    orderId: id,
    carrier: z.enum(CARRIER_CODES, { error: 'carrierRequired' }),
    carrierName: text(60).optional().default(''),
    trackingNumber: safeString()
      .trim()
      .transform((value) => value.replace(/\s+/g, ''))
      .pipe(z.string().min(1, 'trackingRequired').regex(TRACKING_NUMBER, 'trackingInvalid')),
  })
  .superRefine((value, context) => {
    if (value.carrier === 'other' && value.carrierName.length < 2) {
      context.addIssue({ code: 'custom', path: ['carrierName'], message: 'carrierNameRequired' });
    }
  });

export const refundOrderSchema = z.object({
  orderId: id,
  /** Major units as typed; turned into minor units with the order's currency. */
  amount: text(20, { tooLong: 'amountInvalid' }).min(1, 'amountRequired'),
  reason: text(500, { multiline: true }).optional().default(''),
});

export const orderNoteSchema = z.object({
  orderId: id,
  note: text(2000, { multiline: true }).min(1, 'noteRequired'),
});

export const resolveOrderSchema = z.discriminatedUnion('decision', [
  z.object({ orderId: id, decision: z.literal('markPaid') }),
  z.object({ orderId: id, decision: z.literal('retryRefunds') }),
  z.object({
    orderId: id,
    decision: z.literal('cancel'),
    amount: text(20, { tooLong: 'amountInvalid' }).min(1, 'amountRequired'),
  }),
]);

/** zod issues as `{ field: messageKey }`, the first per field. */
export function issuesToFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
  }
  return out;
}

/** FormData as a plain object of its string fields (files and repeated names are ignored). */
export function formFields(formData: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(formData instanceof FormData)) return out;
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string' && !(name in out)) out[name] = value;
  }
  return out;
}
