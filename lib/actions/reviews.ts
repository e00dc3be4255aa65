'use server';

import { actionArg, formAction, INVALID_INPUT, valueAction } from '@/lib/http/action';
import { z } from 'zod';
import { getCurrentUser } from '@/lib/auth/session';
import { recordInteraction } from '@/lib/recommendations/signals-store';
import { invalidateProductReviews } from '@/lib/reviews/invalidate';
import { deleteOwnReview, saveReview } from '@/lib/reviews/mutations';
import type { OwnReview } from '@/lib/reviews/types';
import { productIdSchema, reviewFieldErrors, reviewInputSchema } from '@/lib/reviews/validation';

/*
 * Server actions of ratings and reviews. Each one authenticates (getCurrentUser: the author is never a
 * value from the client), parses its input with zod, calls one lib/reviews function, invalidates the
 * product's page and review caches, and returns a small result whose error values are message keys
 * (`reviews.errors.*`).
 */

export type ReviewFormState =
  { ok: true; review: OwnReview; created: boolean } | { ok: false; fieldErrors: Record<string, string> } | null;

const UNAUTHENTICATED = { ok: false, fieldErrors: { form: 'unauthenticated' } } as const;

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === 'string' ? value : undefined;
};

/** Creates or edits the signed-in shopper's review of a product (form fields productId, rating, title, body). */
export const saveReviewAction = formAction(
  'saveReview',
  async (formData: FormData): Promise<ReviewFormState> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const parsed = reviewInputSchema.safeParse({
      productId: field(formData, 'productId'),
      rating: field(formData, 'rating'),
      title: field(formData, 'title'),
      body: field(formData, 'body'),
    });
    if (!parsed.success) return { ok: false, fieldErrors: reviewFieldErrors(parsed.error) };
    const result = await saveReview(user.id, parsed.data);
    if (!result.ok) return result;
    invalidateProductReviews(result);
    await recordInteraction({ type: 'rating', productId: result.productId, value: parsed.data.rating, user });
    return { ok: true, review: result.review, created: result.created };
  },
  INVALID_INPUT,
);

/** Deletes the signed-in shopper's own review of a product (also a form: `productId`). */
export const deleteReviewAction = valueAction(
  'deleteReview',
  z.tuple([actionArg]),
  async (productId: unknown): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string> }> => {
    const user = await getCurrentUser();
    if (!user) return UNAUTHENTICATED;
    const id = productIdSchema.safeParse(productId);
    if (!id.success) return { ok: false, fieldErrors: { form: 'reviewNotFound' } };
    const result = await deleteOwnReview(user.id, id.data);
    if (!result.ok) return result;
    invalidateProductReviews({ productId: id.data, slug: result.slug });
    return { ok: true };
  },
  INVALID_INPUT,
  ['productId'],
);
