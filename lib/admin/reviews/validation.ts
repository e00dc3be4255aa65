import { z } from 'zod';
import { queryTextSchema } from '@/lib/validation/text';
import type { Refused } from '@/lib/admin/guard';

/** What a moderation action answers: done, field errors (keys under admin.reviews.errors), or a refusal. */
export type ReviewActionState =
  | { ok: true; message: 'hidden' | 'shown' | 'unchanged' }
  | { ok: false; fieldErrors: Record<string, string> }
  | Refused
  | null;

export const REVIEW_STATUSES = ['visible', 'hidden'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEWS_PAGE_SIZE = 20;

export const reviewIdSchema = z.object({
  reviewId: z.coerce.number({ error: 'invalid' }).int('invalid').positive('invalid').max(2_147_483_647, 'invalid'),
});

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The moderation list's filters from search params; anything unknown is ignored. */
export const reviewFiltersSchema = z.object({
  status: z.preprocess(first, z.enum(REVIEW_STATUSES).optional().catch(undefined)),
  /** Product title or slug (contains, case-insensitive). */
  product: queryTextSchema(100),
  rating: z.preprocess(first, z.coerce.number().int().min(1).max(5).optional().catch(undefined)),
  /** One review by id (the audit log links here). */
  review: z.preprocess(first, z.coerce.number().int().positive().max(2_147_483_647).optional().catch(undefined)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(100_000).catch(1).default(1)),
});
export type ReviewFilters = z.infer<typeof reviewFiltersSchema>;
