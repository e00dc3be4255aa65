import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { ChoiceFilter, FilterBar, SearchField } from '@/components/admin/list-parts';
import { Badge } from '@/components/ui/badge';
import type { ModerationReview } from '@/lib/admin/reviews/queries';
import { REVIEW_STATUSES, type ReviewFilters } from '@/lib/admin/reviews/validation';
import { ReviewVisibilityButton } from './review-visibility-button';

/** Filters of the moderation list: a GET form, so they live in the URL. */
export function ReviewFilterForm({ filters, filtered }: { filters: ReviewFilters; filtered: boolean }) {
  const t = useTranslations('admin.reviews');
  const statuses = REVIEW_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }));
  const ratings = [5, 4, 3, 2, 1].map((rating) => ({ value: rating, label: t('stars', { rating }) }));
  return (
    <FilterBar action="/admin/reviews" submit={t('filter')} clear={filtered && t('clear')}>
      <ChoiceFilter label={t('status')} any={t('anyStatus')} name="status" value={filters.status} choices={statuses} />
      <SearchField
        label={t('product')}
        name="product"
        value={filters.product}
        maxLength={100}
        className="w-full sm:w-64"
      />
      <ChoiceFilter
        label={t('rating')}
        any={t('anyRating')}
        name="rating"
        value={filters.rating}
        choices={ratings}
        className="w-32"
      />
    </FilterBar>
  );
}

export function ReviewModerationList({ reviews }: { reviews: ModerationReview[] }) {
  const t = useTranslations('admin.reviews');
  const format = useFormatter();
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium' });
  return (
    <ul className="mt-3 space-y-3">
      {reviews.map((review) => {
        const headingId = `review-${review.id}`;
        return (
          <li key={review.id}>
            <article
              aria-labelledby={headingId}
              className={`rounded-xl border bg-white p-4 ${review.status === 'hidden' ? 'border-dashed border-stone-300 bg-stone-50' : 'border-stone-200'}`}
            >
              <div className="flex flex-wrap items-start justify-between gap-3">
                <div className="min-w-0">
                  <h2 id={headingId} className="text-sm font-semibold">
                    <Link
                      href={`/products/${review.productSlug}`}
                      prefetch={false}
                      className="text-brand-700 hover:underline"
                    >
                      {review.productTitle}
                    </Link>
                  </h2>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                    <span
                      role="img"
                      aria-label={t('ratingLabel', { rating: review.rating })}
                      className="text-amber-600"
                    >
                      {'★'.repeat(review.rating)}
                      <span className="text-stone-300">{'★'.repeat(5 - review.rating)}</span>
                    </span>
                    <Badge tone={review.status === 'hidden' ? 'muted' : 'success'}>
                      {t(`statuses.${review.status}`)}
                    </Badge>
                    {review.verifiedPurchase && <Badge tone="info">{t('verified')}</Badge>}
                  </p>
                </div>
                <ReviewVisibilityButton
                  reviewId={review.id}
                  status={review.status}
                  label={t(review.status === 'hidden' ? 'showLabel' : 'hideLabel', {
                    name: review.authorName,
                    title: review.productTitle,
                  })}
                />
              </div>
              {review.title && <p className="mt-2 font-semibold break-words">{review.title}</p>}
              {review.body ? (
                <p className="mt-1 whitespace-pre-line text-sm break-words text-stone-800">{review.body}</p>
              ) : (
                <p className="mt-1 text-sm text-stone-500">{t('noText')}</p>
              )}
              <p className="mt-2 text-xs text-stone-500">
                <Link
                  href={`/admin/customers/${review.authorId}`}
                  prefetch={false}
                  className="text-brand-700 hover:underline"
                >
                  {t('by', { name: review.authorName })}
                </Link>{' '}
                {t('on', { date: date(review.createdAt) })}
                {review.updatedAt.getTime() - review.createdAt.getTime() > 60_000 && (
                  <> · {t('edited', { date: date(review.updatedAt) })}</>
                )}
              </p>
            </article>
          </li>
        );
      })}
    </ul>
  );
}
