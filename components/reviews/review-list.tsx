import { useFormatter, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { ReviewView } from '@/lib/reviews/types';
import { Stars } from './stars';

/** An edit later than this after writing shows "edited". */
const EDIT_GRACE_MS = 60_000;

/**
 * Published reviews, newest first. Everything a shopper wrote is rendered as text: React escapes it,
 * so `<script>` or `<img onerror>` in a review shows as those characters and never becomes markup;
 * line breaks are kept with CSS (`white-space: pre-line`), not by inserting HTML.
 */
export function ReviewList({ reviews }: { reviews: ReviewView[] }) {
  const t = useTranslations('reviews');
  return (
    <ol aria-label={t('listLabel')} className="divide-y divide-stone-200">
      {reviews.map((review) => (
        <li key={review.id}>
          <ReviewItem review={review} />
        </li>
      ))}
    </ol>
  );
}

export function ReviewItem({ review }: { review: ReviewView }) {
  const t = useTranslations('reviews');
  const format = useFormatter();
  const headingId = `review-${review.id}-title`;
  const author = review.author ?? t('deletedAccount');
  const edited = new Date(review.updatedAt).getTime() - new Date(review.createdAt).getTime() > EDIT_GRACE_MS;
  return (
    <article id={`review-${review.id}`} tabIndex={-1} aria-labelledby={headingId} className="py-4 outline-none">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Stars rating={review.rating} label={t('starsLabel', { rating: review.rating })} />
        {review.title ? (
          <h3 id={headingId} className="break-words font-semibold">
            {review.title}
          </h3>
        ) : (
          <h3 id={headingId} className="sr-only">
            {t('untitled', { author })}
          </h3>
        )}
      </div>
      <p className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-stone-600">
        <span className={review.author ? 'break-all font-medium text-stone-800' : 'italic'}>{author}</span>
        <span aria-hidden>·</span>
        <time dateTime={review.createdAt}>{format.dateTime(new Date(review.createdAt), { dateStyle: 'medium' })}</time>
        {edited && <span className="text-stone-500">({t('edited')})</span>}
        {review.verifiedPurchase && <Badge tone="success">{t('verified')}</Badge>}
      </p>
      {review.body && (
        <p className="mt-2 max-w-prose whitespace-pre-line break-words leading-relaxed text-stone-800">{review.body}</p>
      )}
    </article>
  );
}
