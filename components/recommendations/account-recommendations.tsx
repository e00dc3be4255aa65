import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { getForYou } from '@/lib/recommendations/queries';
import { requestShopper } from '@/lib/recommendations/shopper';
import { RecommendationRail } from './recommendation-rail';

/** Recommendations on the account overview: the shopper's own list, or a note when it is switched off. */
export async function AccountRecommendations({ locale }: { locale: Locale }) {
  const shopper = await requestShopper();
  const [forYou, t] = await Promise.all([
    getForYou(shopper),
    getTranslations({ locale, namespace: 'recommendations' }),
  ]);
  if (!forYou.personalization) {
    return (
      <section aria-labelledby="recs-account" className="rounded-xl border border-stone-200 bg-white p-4">
        <h2 id="recs-account" className="text-lg font-semibold">
          {t('pickedForYou')}
        </h2>
        <p className="mt-1 text-sm text-stone-600">
          {t('off')}{' '}
          <Link href="/account/profile" className="font-medium text-brand-700 hover:underline">
            {t('turnOn')}
          </Link>
        </p>
      </section>
    );
  }
  return <RecommendationRail id="recs-account" title={t('pickedForYou')} items={forYou.recommended} locale={locale} />;
}
