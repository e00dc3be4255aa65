import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { FilterBar } from '@/components/admin/list-parts';
import { Badge } from '@/components/ui/badge';
import { Field, SelectField } from '@/components/ui/field';
import type { ModerationReview } from '@/lib/admin/reviews/queries';
import { REVIEW_STATUSES, type ReviewFilters } from '@/lib/admin/reviews/validation';
import { ReviewVisibilityButton } from './review-visibility-button';

/** Filters of the moderation list: a GET form, so they live in the URL. */
export function ReviewFilterForm({ filters, filtered }: { filters: ReviewFilters; filtered: boolean }) {
  const t = useTranslations('admin.reviews');
  return (
    <FilterBar action="/admin/reviews" submit={t('filter')} clear={filtered && t('clear')}>
      <SelectField label={t('status')} name="status" defaultValue={filters.status ?? ''} className="w-36">
        <option value="">{t('anyStatus')}</option>
        {REVIEW_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`statuses.${status}`)}
          </option>
        ))}
      </SelectField>
      <Field
        label={t('product')}
        name="product"
        type="search"
        defaultValue={filters.product}
        maxLength={100}
        className="w-full sm:w-64"
      />
      <SelectField
        label={t('rating')}
        name="rating"
        defaultValue={filters.rating ? String(filters.rating) : ''}
        className="w-32"
      >
        <option value="">{t('anyRating')}</option>
        {[5, 4, 3, 2, 1].map((rating) => (
          <option key={rating} value={rating}>
            {t('stars', { rating })}
          </option>
        ))}
      </SelectField>
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
