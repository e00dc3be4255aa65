import { z } from 'zod';
import { queryTextSchema } from '@/lib/validation/text';
import type { Refused } from '@/lib/admin/guard';

/** What an admin action answers: done, field errors (message keys under admin.customers.errors), or a refusal. */
export type AdminActionState =
  { ok: true; message: string } | { ok: false; fieldErrors: Record<string, string> } | Refused | null;

export const CUSTOMER_ROLES = ['customer', 'admin'] as const;
export const CUSTOMER_STATUSES = ['active', 'disabled', 'deleted'] as const;
export const CUSTOMERS_PAGE_SIZE = 25;

const id = z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid').max(2_147_483_647, 'invalid');

export const changeRoleSchema = z.object({
  userId: id,
  role: z.enum(CUSTOMER_ROLES, { error: 'invalidRole' }),
});
export type ChangeRoleInput = z.infer<typeof changeRoleSchema>;

export const setDisabledSchema = z.object({ userId: id });
export type SetDisabledInput = z.infer<typeof setDisabledSchema>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The list's filters from search params; anything unknown is simply ignored. */
export const customerFiltersSchema = z.object({
  q: queryTextSchema(100),
  role: z.preprocess(first, z.enum(CUSTOMER_ROLES).optional().catch(undefined)),
  status: z.preprocess(first, z.enum(CUSTOMER_STATUSES).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});
export type CustomerFilters = z.infer<typeof customerFiltersSchema>;

const KNOWN_ERRORS = new Set(['invalid', 'invalidRole']);

/** First error of each field, as message keys. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= KNOWN_ERRORS.has(issue.message) ? issue.message : 'invalid';
  }
  return out;
}
