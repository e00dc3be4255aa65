import type { Locale } from '@/lib/i18n/config';

/** "Complete your collection" on the cart page, from what is in the cart. */
export async function CartRecommendations(_props: { locale: Locale }) {
  return null;
}
