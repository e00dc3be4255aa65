import { z } from 'zod';
import { queryTextSchema } from '@/lib/validation/text';

export const AUDIT_PAGE_SIZE = 30;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const optionalDay = z.preprocess(
  (value) => {
    const day = first(value);
    return typeof day === 'string' && day.trim() !== '' ? day.trim() : undefined;
  },
  z.iso.date({ error: 'invalidDate' }).optional(),
);

/**
 * The audit log's filters from search params. Unknown or malformed values are dropped, except the
 * dates, which come back as field errors (the form shows them) so a typo is not silently ignored.
 */
export const auditFiltersSchema = z.object({
  actor: z.preprocess(first, z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined)),
  entity: queryTextSchema(50),
  entityId: queryTextSchema(100),
  action: queryTextSchema(80),
  from: optionalDay,
  to: optionalDay,
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

/** Parses the filters; bad dates are dropped from the filters and reported per field. */
export function parseAuditFilters(params: Record<string, string | string[] | undefined>): {
  filters: AuditFilters;
  errors: Partial<Record<'from' | 'to', 'invalidDate' | 'order'>>;
  values: { from: string; to: string };
} {
  const values = {
    from: String(first(params.from) ?? '').slice(0, 20),
    to: String(first(params.to) ?? '').slice(0, 20),
  };
  const errors: Partial<Record<'from' | 'to', 'invalidDate' | 'order'>> = {};
  const cleaned: Record<string, unknown> = { ...params };
  for (const key of ['from', 'to'] as const) {
    if (!optionalDay.safeParse(params[key]).success) {
      errors[key] = 'invalidDate';
      delete cleaned[key];
    }
  }
  const filters = auditFiltersSchema.parse(cleaned);
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = 'order';
    filters.to = undefined;
  }
  return { filters, errors, values };
}
