import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { getProductRecommendations } from '@/lib/recommendations/queries';
import { RecommendationRail } from './recommendation-rail';
import { ViewBeacon } from './view-beacon';

const RAILS = [
  { id: 'recs-also-bought', key: 'alsoBought' },
  { id: 'recs-more-like-this', key: 'moreLikeThis' },
] as const;

/**
 * "Customers who bought this also bought" and "More like this": the same for everyone, cached with
 * the page; one row of six each, so that they add little to the page's weight. Also sends the page's
 * view signal from the browser (a client island), so the static page never waits for it.
 */
export async function ProductRecommendations({ productId, locale }: { productId: number; locale: Locale }) {
  const [lists, t] = await Promise.all([
    getProductRecommendations(productId),
    getTranslations({ locale, namespace: 'recommendations' }),
  ]);
  return (
    <>
      <ViewBeacon productId={productId} />
      {RAILS.map(({ id, key }) => (
        <RecommendationRail
          key={id}
          id={id}
          title={t(key)}
          items={lists[key]}
          locale={locale}
          reasons={false}
          limit={6}
        />
      ))}
    </>
  );
}
