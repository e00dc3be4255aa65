'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ReviewFormState } from '@/lib/actions/reviews';
import type { OwnReview } from '@/lib/reviews/types';
import { ReviewEditor } from './review-form';

/**
 * The shopper's review on its own page (/account/reviews/<slug>), the way to review a product without
 * JavaScript: a plain form whose page comes back with the saved review. With JavaScript the page is
 * refreshed from the server after each change, the form staying where it is.
 */
export function ReviewPageForm({
  productId,
  review,
  pagePath,
  confirmDelete,
  saved,
}: {
  productId: number;
  review: OwnReview | null;
  pagePath: string;
  confirmDelete: boolean;
  /** The answer to the form posted without JavaScript (lib/http/form-result.ts). */
  saved: ReviewFormState;
}) {
  const t = useTranslations('reviews.form');
  const router = useRouter();
  // A deletion starts a new, empty form, under the notice that the review is gone.
  const [deletions, setDeletions] = useState(0);
  return (
    <div className="space-y-4">
      {deletions > 0 && !review && (
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
        onDeleted={() => {
          setDeletions((count) => count + 1);
          router.refresh();
        }}
      />
    </div>
  );
}
