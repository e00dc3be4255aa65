import { getTranslations } from 'next-intl/server';
import { Section } from '@/components/ui/card';
import type { Locale } from '@/lib/i18n/config';
import { getForYou } from '@/lib/recommendations/queries';
import { requestShopper } from '@/lib/recommendations/shopper';
import { PersonalizationOff } from './personalization-off';
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
      <Section id="recs-account" title={t('pickedForYou')} headingClassName="text-lg font-semibold">
        <PersonalizationOff locale={locale} />
      </Section>
    );
  }
  return <RecommendationRail id="recs-account" title={t('pickedForYou')} items={forYou.recommended} locale={locale} />;
}
