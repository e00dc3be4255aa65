import 'server-only';
import { revalidateTag, updateTag } from 'next/cache';
import { productTag } from '@/lib/catalog/tags';
import { reviewsTag } from './tags';

/**
 * After a review changed (written, edited, deleted, hidden or shown), from a server action: the
 * product page and the review pages show it on the next request (updateTag: read-your-own-writes).
 * Admin moderation calls this too.
 */
export function invalidateProductReviews(product: { productId: number; slug: string }): void {
  updateTag(productTag(product.slug));
  updateTag(reviewsTag(product.productId));
}

/**
 * Outside a server action (route handlers, account deletion, jobs): the reviews of these products
 * are expired now and re-read on the next request.
 */
export function expireProductReviews(productIds: number[]): void {
  for (const productId of new Set(productIds)) revalidateTag(reviewsTag(productId), { expire: 0 });
}
