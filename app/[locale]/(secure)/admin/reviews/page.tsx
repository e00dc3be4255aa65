import { getTranslations } from 'next-intl/server';
import { ReviewFilterForm, ReviewModerationList } from '@/components/admin/reviews/review-moderation-list';
import { ListResults, listHref } from '@/components/admin/list-parts';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/store/pagination';
import { listReviewsForModeration } from '@/lib/admin/reviews/queries';
import { reviewFiltersSchema } from '@/lib/admin/reviews/validation';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.reviews');

/** /admin/reviews: shoppers' reviews, newest first, to hide from product pages or show again. */
export default async function AdminReviewsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  // The layout checks too, but renders alongside this page: a visitor or customer must never reach the queries.
  await adminOrForbidden('/admin/reviews');
  const filters = reviewFiltersSchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.reviews' });
  const result = await listReviewsForModeration(filters);
  const hrefFor = (page: number) => listHref('/admin/reviews', { ...filters, page });
  const filtered = Boolean(filters.status || filters.product || filters.rating || filters.review);
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <ReviewFilterForm filters={filters} filtered={filtered} />
      <ListResults count={t('count', { count: result.total })} empty={result.items.length === 0 && t('empty')}>
        <ReviewModerationList reviews={result.items} />
      </ListResults>
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} locale={locale} />
    </div>
  );
}
