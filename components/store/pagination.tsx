import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';

/** Previous / next and a few page numbers around the current page. */
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
  const pages = Array.from(new Set([1, page - 1, page, page + 1, pageCount]))
    .filter((p) => p >= 1 && p <= pageCount)
    .sort((a, b) => a - b);
  const linkClass = 'rounded-md px-3 py-1.5 ring-1 ring-stone-300 hover:bg-stone-100';
  return (
    <nav aria-label={t('pagination')} className="mt-10 flex flex-wrap items-center justify-center gap-2 text-sm">
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev" prefetch={false} className={linkClass}>
          {t('previous')}
        </Link>
      )}
      {pages.map((p, index) => (
        <span key={p} className="flex items-center gap-2">
          {index > 0 && pages[index - 1] !== p - 1 && <span aria-hidden>…</span>}
          {p === page ? (
            <span aria-current="page" className="rounded-md bg-stone-900 px-3 py-1.5 font-semibold text-white">
              <span className="sr-only">{t('page')} </span>
              {p}
            </span>
          ) : (
            <Link href={hrefFor(p)} prefetch={false} className={linkClass} aria-label={t('goToPage', { page: p })}>
              {p}
            </Link>
          )}
        </span>
      ))}
      {page < pageCount && (
        <Link href={hrefFor(page + 1)} rel="next" prefetch={false} className={linkClass}>
          {t('next')}
        </Link>
      )}
    </nav>
  );
}
