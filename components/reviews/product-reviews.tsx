import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { getProductReviews } from '@/lib/reviews/queries';
import { ClientMessages } from '@/components/store/client-messages';
import { Section } from '@/components/ui/card';
import { ReviewForm } from './review-form';
import { ReviewsFeed } from './reviews-feed';
import { Stars } from './stars';

/**
 * Ratings and reviews of a product (average, distribution, the newest reviews, the shopper's own review
 * form). The data is a cached read tagged with the product and its reviews, so this renders into the
 * static product page; the parts that depend on the viewer (the form) and "Show more" are client islands.
 */
export async function ProductReviews({
  productId,
  slug,
  locale,
}: {
  productId: number;
  slug: string;
  title: string;
  locale: Locale;
}) {
  const { summary, first } = await getProductReviews(productId, slug);
  const t = await getTranslations({ locale, namespace: 'reviews' });
  const format = await getFormatter({ locale });
  const percent = (count: number) => (summary.count ? Math.round((count * 100) / summary.count) : 0);
  const average =
    summary.average === null
      ? null
      : format.number(summary.average, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  // Remounts the list when the data changes (after the shopper's own edit), dropping pages loaded before.
  const feedKey = `${summary.count}:${first.items.map((review) => `${review.id}@${review.updatedAt}`).join(',')}`;

  return (
    <Section id="reviews-heading" title={t('heading')} bare className="mt-10" headingClassName="text-lg font-bold">
      <div className="mt-4 grid gap-x-10 gap-y-6 md:grid-cols-[minmax(0,18rem)_1fr]">
        <div>
          {summary.count > 0 && average !== null ? (
            <>
              <p className="flex flex-wrap items-center gap-3">
                <span className="text-4xl font-black tabular-nums" aria-hidden>
                  {average}
                </span>
                <Stars rating={summary.average!} label={t('starsLabel', { rating: average })} className="text-xl" />
              </p>
              <p className="mt-1 text-sm text-stone-600">{t('count', { count: summary.count })}</p>
              <ul aria-label={t('distribution')} className="mt-4 space-y-1.5">
                {[5, 4, 3, 2, 1].map((stars) => {
                  const count = summary.distribution[stars - 1] ?? 0;
                  return (
                    <li key={stars} className="grid grid-cols-[4.5rem_1fr_3.5rem] items-center gap-2 text-sm">
                      <span>{t('starsRow', { stars })}</span>
                      <span aria-hidden className="h-2 overflow-hidden rounded-full bg-stone-200">
                        <span className="block h-full bg-amber-500" style={{ width: `${percent(count)}%` }} />
                      </span>
                      <span className="text-right tabular-nums">
                        {t('percent', { percent: percent(count) })}
                        <span className="sr-only"> ({t('rowDetail', { count })})</span>
                      </span>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : (
            <p className="text-sm text-stone-600">{t('empty')}</p>
          )}
          <ClientMessages namespaces={['reviews']} locale={locale}>
            <ReviewForm productId={productId} slug={slug} />
          </ClientMessages>
        </div>
        <div className="min-w-0">
          {first.items.length > 0 && (
            <ClientMessages namespaces={['reviews']} locale={locale}>
              <ReviewsFeed key={feedKey} productId={productId} initial={first} />
            </ClientMessages>
          )}
        </div>
      </div>
    </Section>
  );
}
