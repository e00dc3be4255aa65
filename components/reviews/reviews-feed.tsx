'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import type { ReviewPage, ReviewView } from '@/lib/reviews/types';
import { ReviewList } from './review-list';

/**
 * The list of reviews on a product page: the first page comes with the (static, cached) page, further
 * pages from /api/v1/reviews on "Show more". Focus moves to the first review that was added, so a
 * keyboard or screen reader user continues reading where the new ones start.
 */
export function ReviewsFeed({ productId, initial }: { productId: number; initial: ReviewPage }) {
  const t = useTranslations('reviews');
  const [items, setItems] = useState<ReviewView[]>(initial.items);
  const [page, setPage] = useState(initial.page);
  const [hasMore, setHasMore] = useState(initial.hasMore);
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const [announcement, setAnnouncement] = useState('');

  async function loadMore() {
    setStatus('loading');
    try {
      const response = await fetch(`/api/v1/reviews?productId=${productId}&page=${page + 1}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const next = (await response.json()) as ReviewPage;
      // A review written meanwhile shifts the pages: never show one twice.
      const seen = new Set(items.map((review) => review.id));
      const added = next.items.filter((review) => !seen.has(review.id));
      const all = [...items, ...added];
      setItems(all);
      setPage(next.page);
      setHasMore(next.hasMore);
      setStatus('idle');
      setAnnouncement(t('shown', { count: all.length }));
      const firstAdded = added[0];
      if (firstAdded) requestAnimationFrame(() => document.getElementById(`review-${firstAdded.id}`)?.focus());
    } catch {
      setStatus('error');
    }
  }

  return (
    <div>
      <ReviewList reviews={items} />
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {status === 'error' && (
        <p role="alert" className="mt-2 text-sm font-medium text-brand-700">
          {t('loadMoreFailed')}
        </p>
      )}
      {hasMore && (
        <Button type="button" variant="secondary" className="mt-3" pending={status === 'loading'} onClick={loadMore}>
          {status === 'loading' ? t('loadingMore') : t('showMore')}
        </Button>
      )}
    </div>
  );
}
