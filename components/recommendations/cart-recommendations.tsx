import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { getCartRecommendations } from '@/lib/recommendations/queries';
import { requestShopper } from '@/lib/recommendations/shopper';
import { RecommendationRail } from './recommendation-rail';

/** "Complete your collection" on the cart page, from what is in the cart. */
export async function CartRecommendations({ locale }: { locale: Locale }) {
  const shopper = await requestShopper();
  const [items, t] = await Promise.all([
    getCartRecommendations(shopper),
    getTranslations({ locale, namespace: 'recommendations' }),
  ]);
  return <RecommendationRail id="recs-cart" title={t('completeCollection')} items={items} locale={locale} />;
}
