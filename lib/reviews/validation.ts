import { z } from 'zod';
import { MAX_ID } from '@/lib/validation/ids';
import { safeString } from '@/lib/validation/text';

/** Limits of a review, shared by the form (maxLength) and the server. */
export const REVIEW_TITLE_MAX = 120;
export const REVIEW_BODY_MAX = 5000;
/** Reviews per page on product pages and in /api/v1/reviews. */
export const REVIEWS_PAGE_SIZE = 5;
/** Pages beyond this are refused (nobody reads page 2001; the cache should not hold it either). */
export const REVIEWS_MAX_PAGE = 2000;

// Text is stored exactly as typed, under the shared text rule (no control characters; \r\n becomes \n
// so lengths count what is seen). Markup is kept as typed: it is rendered as text (React escapes it),
// never as HTML.

export const productIdSchema = z.coerce
  .number({ error: 'productNotFound' })
  .int('productNotFound')
  .positive('productNotFound')
  .max(MAX_ID, 'productNotFound');

/** 1 to 5 whole stars. Form strings "1"…"5" are accepted; "2.5", "x", "", 0 and 6 are not. */
export const ratingSchema = z.preprocess(
  (value) => {
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed === '') return undefined;
      return /^\d{1,2}$/.test(trimmed) ? Number(trimmed) : trimmed;
    }
    return value ?? undefined;
  },
  z
    .number({ error: (issue) => (issue.input === undefined ? 'ratingRequired' : 'ratingInvalid') })
    .int('ratingInvalid')
    .min(1, 'ratingInvalid')
    .max(5, 'ratingInvalid'),
);

export const reviewInputSchema = z.object({
  productId: productIdSchema,
  rating: ratingSchema,
  title: safeString({ error: 'titleInvalid', multiline: true })
    .optional()
    .transform((value) => (value ?? '').replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(REVIEW_TITLE_MAX, 'titleTooLong'))
    .transform((value) => value || null),
  body: safeString({ error: 'bodyInvalid', multiline: true })
    .optional()
    .transform((value) => (value ?? '').trim())
    .pipe(z.string().max(REVIEW_BODY_MAX, 'bodyTooLong')),
});

export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** zod issues as `{ field: messageKey }` (the first issue per field); the keys are `reviews.errors.*`. */
export function reviewFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    // The product id is a hidden field: its error belongs to the whole form.
    const path = String(issue.path[0] ?? 'form');
    const field = path === 'productId' ? 'form' : path;
    out[field] ??= issue.message;
  }
  return out;
}

export const reviewPageSchema = z.coerce.number().int().min(1).max(REVIEWS_MAX_PAGE);
