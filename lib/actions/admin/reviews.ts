'use server';

import { formAction, INVALID_INPUT } from '@/lib/http/action';
import { updateTag } from 'next/cache';
import { asAdmin } from '@/lib/admin/guard';
import type { SessionUser } from '@/lib/auth/session';
import { CATALOG_TAG } from '@/lib/catalog/tags';
import { invalidateProductReviews } from '@/lib/reviews/invalidate';
import { setReviewStatus } from '@/lib/reviews/moderation';
import { type ReviewActionState, reviewIdSchema, type ReviewStatus } from '@/lib/admin/reviews/validation';

/*
 * Review moderation (/admin/reviews). Each action starts with asAdmin, parses the review id, changes
 * the status with its audit row in one transaction, then expires the product page and the catalog
 * lists (ratings shown there) so shoppers see the change on their next request.
 */

const field = (formData: unknown, name: string): unknown =>
  formData instanceof FormData ? (formData.get(name) ?? undefined) : undefined;

async function moderate(admin: SessionUser, formData: unknown, status: ReviewStatus): Promise<ReviewActionState> {
  const parsed = reviewIdSchema.safeParse({ reviewId: field(formData, 'reviewId') });
  if (!parsed.success) return { ok: false, fieldErrors: { form: 'invalid' } };
  const result = await setReviewStatus(admin, { reviewId: parsed.data.reviewId, status });
  if (!result.ok) return result;
  if (!result.changed) return { ok: true, message: 'unchanged' };
  invalidateProductReviews({ productId: result.productId, slug: result.productSlug });
  updateTag(CATALOG_TAG);
  return { ok: true, message: status === 'hidden' ? 'hidden' : 'shown' };
}

/** Hides a review (form field `reviewId`). */
export const hideReviewAction = formAction(
  'hideReview',
  async (formData: FormData): Promise<ReviewActionState> => {
    return asAdmin((admin) => moderate(admin, formData, 'hidden'));
  },
  INVALID_INPUT,
);

/** Shows a hidden review again (form field `reviewId`). */
export const showReviewAction = formAction(
  'showReview',
  async (formData: FormData): Promise<ReviewActionState> => {
    return asAdmin((admin) => moderate(admin, formData, 'visible'));
  },
  INVALID_INPUT,
);
