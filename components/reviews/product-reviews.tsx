import type { Locale } from '@/lib/i18n/config';

/** Ratings and reviews of a product (average, distribution, list, the shopper's own review form). */
export async function ProductReviews(_props: { productId: number; slug: string; title: string; locale: Locale }) {
  return null;
}
