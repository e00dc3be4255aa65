'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ReviewFormState } from '@/lib/actions/reviews';
import type { OwnReview } from '@/lib/reviews/types';
import { ReviewEditor } from './review-form';

/**
 * The shopper's review on its own page (/account/reviews/<slug>), the way to review a product without
 * JavaScript: a plain form whose page comes back with the saved review and what the action answered
 * (`saved`, `deleted`: lib/http/form-result.ts). With JavaScript the page is refreshed from the server
 * after each change, the form staying where it is.
 */
export function ReviewPageForm({
  productId,
  review,
  pagePath,
  confirmDelete,
  saved,
  deleted,
}: {
  productId: number;
  review: OwnReview | null;
  pagePath: string;
  confirmDelete: boolean;
  /** The answer to the review form posted without JavaScript. */
  saved: ReviewFormState;
  /** Whether this request deleted the review (its form posted without JavaScript). */
  deleted: boolean;
}) {
  const t = useTranslations('reviews.form');
  const router = useRouter();
  // A deletion comes back as the page without the review (the action refreshes it, and the deletion
  // form goes with the review): it starts a new, empty form, under the notice that the review is gone.
  const [previous, setPrevious] = useState(review);
  const [deletions, setDeletions] = useState(0);
  if (previous !== review) {
    setPrevious(review);
    if (previous && !review) setDeletions(deletions + 1);
  }
  return (
    <div className="space-y-4">
      {(deleted || deletions > 0) && !review && (
        <p role="status" className="text-sm font-medium text-emerald-800">
          {t('deleted')}
        </p>
      )}
      <ReviewEditor
        key={deletions}
        productId={productId}
        review={review}
        pagePath={pagePath}
        confirmDelete={confirmDelete}
        saved={saved}
        onSaved={() => router.refresh()}
        onDeleted={() => router.refresh()}
      />
    </div>
  );
}
