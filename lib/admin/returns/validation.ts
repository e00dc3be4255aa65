import { z } from 'zod';
import { returnStatus } from '@/lib/orders/schema';
import { text } from '@/lib/validation/text';

export const RETURN_STATUSES = returnStatus.enumValues;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const RETURNS_PAGE_SIZE = 25;

const id = z.coerce.number().int().positive().max(2_147_483_647);

export function readReturnFilters(params: Record<string, string | string[] | undefined>): {
  status: ReturnStatus | null;
  page: number;
} {
  const status = [params.status].flat()[0] ?? '';
  const page = Number.parseInt([params.page].flat()[0] ?? '1', 10);
  return {
    status: (RETURN_STATUSES as readonly string[]).includes(status) ? (status as ReturnStatus) : null,
    page: Number.isFinite(page) ? Math.min(10_000, Math.max(1, page)) : 1,
  };
}

/** Approve: an optional message to the customer (added to the standard instructions). */
export const approveReturnSchema = z.object({
  returnId: id,
  message: text(2000, { multiline: true }).optional().default(''),
});

/** Reject: the reason is required, and goes to the customer. */
export const rejectReturnSchema = z.object({
  returnId: id,
  message: text(2000, { multiline: true }).min(3, 'messageRequired'),
});

export const returnIdSchema = z.object({ returnId: id });

/**
 * Received: per return line, how many units can be sold again (`resellable-<returnLineId>`), and the
 * refund as typed in the store currency (checked against the order's currency by the action).
 */
export const receiveReturnSchema = z.object({
  returnId: id,
  amount: text(20, { tooLong: 'amountInvalid' }).min(1, 'amountRequired'),
  lines: z
    .array(
      z.object({
        returnLineId: id,
        resellable: z.coerce
          .number()
          .int('resellableInvalid')
          .min(0, 'resellableInvalid')
          .max(1000, 'resellableInvalid'),
      }),
    )
    .max(200),
});

/** The per-line fields of the "received" form as `{ returnLineId, resellable }`. */
export function resellableLines(fields: Record<string, string>): { returnLineId: string; resellable: string }[] {
  return Object.entries(fields)
    .filter(([name]) => /^resellable-\d{1,9}$/.test(name))
    .map(([name, value]) => ({ returnLineId: name.slice('resellable-'.length), resellable: value.trim() || '0' }));
}
