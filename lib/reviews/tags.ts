/**
 * Cache tag of everything shown about one product's reviews (average, distribution, pages of the
 * list). Product pages also carry `productTag(slug)` (lib/catalog/tags.ts). Whoever changes a review
 * (the author's action, admin moderation, account deletion) invalidates both.
 */
export const reviewsTag = (productId: number) => `reviews:${productId}`;
