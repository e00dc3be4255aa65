import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { getForYou } from '@/lib/recommendations/queries';
import { requestShopper } from '@/lib/recommendations/shopper';
import { PersonalizationOff } from './personalization-off';
import { RecommendationRail } from './recommendation-rail';

/**
 * The home page's per-user rails ("recommended for you", "because you viewed …"), each card with
 * its reason. Reads the session and cookies, so it renders per request inside the page's Suspense
 * boundary while the rest of the home page stays static. New visitors, and shoppers who turned
 * personalisation off, see what is trending and popular instead.
 */
export async function ForYouRails({ locale }: { locale: Locale }) {
  const shopper = await requestShopper();
  const [forYou, t] = await Promise.all([
    getForYou(shopper),
    getTranslations({ locale, namespace: 'recommendations' }),
  ]);
  return (
    <>
      <RecommendationRail
        id="recs-for-you"
        title={forYou.personal ? t('forYou') : t('popularNow')}
        items={forYou.recommended}
        locale={locale}
      >
        {!forYou.personalization && <PersonalizationOff locale={locale} />}
      </RecommendationRail>
      {forYou.becauseViewed && (
        <RecommendationRail
          id="recs-because-viewed"
          title={t('becauseViewed', { title: forYou.becauseViewed.source.title })}
          items={forYou.becauseViewed.items}
          locale={locale}
          reasons={false}
        />
      )}
    </>
  );
}
