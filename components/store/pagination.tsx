import { getTranslations } from 'next-intl/server';
import { Pagination as PageLinks } from '@/components/ui/pagination';
import type { Locale } from '@/lib/i18n/config';

/** Previous / next and a few page numbers around the current page, in the catalog's words. */
export async function Pagination({
  page,
  pageCount,
  hrefFor,
  locale,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  locale: Locale;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: 'browse' });
  return (
    <PageLinks
      page={page}
      pageCount={pageCount}
      hrefFor={hrefFor}
      prefetch={false}
      className="mt-10 flex flex-wrap items-center justify-center gap-2"
      labels={{
        nav: t('pagination'),
        previous: t('previous'),
        next: t('next'),
        page: t('page'),
        goToPage: (p) => t('goToPage', { page: p }),
      }}
    />
  );
}
