import type { Locale } from '@/lib/i18n/config';

/** "Customers who bought this also bought" and "More like this": the same for everyone, cached with the page. */
export async function ProductRecommendations(_props: { productId: number; locale: Locale }) {
  return null;
}
