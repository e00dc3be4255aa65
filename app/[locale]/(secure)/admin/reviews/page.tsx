import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ReviewFilterForm, ReviewModerationList } from '@/components/admin/reviews/review-moderation-list';
import { Pagination } from '@/components/store/pagination';
import { listReviewsForModeration } from '@/lib/admin/reviews/queries';
import { reviewFiltersSchema } from '@/lib/admin/reviews/validation';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.reviews' });
  return { title: t('title') };
}

/** /admin/reviews: shoppers' reviews, newest first, to hide from product pages or show again. */
export default async function AdminReviewsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  // The layout checks too, but renders alongside this page: a visitor or customer must never reach the queries.
  await adminOrForbidden('/admin/reviews');
  const filters = reviewFiltersSchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.reviews' });
  const result = await listReviewsForModeration(filters);
  const hrefFor = (page: number) => {
    const search = new URLSearchParams();
    if (filters.status) search.set('status', filters.status);
    if (filters.product) search.set('product', filters.product);
    if (filters.rating) search.set('rating', String(filters.rating));
    if (filters.review) search.set('review', String(filters.review));
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return text ? `/admin/reviews?${text}` : '/admin/reviews';
  };
  const filtered = Boolean(filters.status || filters.product || filters.rating || filters.review);
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
      <ReviewFilterForm filters={filters} filtered={filtered} />
      <p className="mt-4 text-sm text-stone-600" aria-live="polite">
        {t('count', { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 p-6 text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <ReviewModerationList reviews={result.items} />
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} locale={locale} />
    </div>
  );
}
