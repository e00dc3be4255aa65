import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SORTS } from '@/lib/catalog/formats';
import type { ProductList } from '@/lib/catalog/types';
import type { BrowseFilters } from '@/lib/catalog/validation';
import type { Locale } from '@/lib/i18n/config';
import { FacetDrawer } from './facet-drawer';
import { FacetPanel } from './facet-panel';
import { Pagination } from './pagination';
import { ProductGrid } from './product-rail';
import { SortSelect } from './sort-select';

/** The body of browse and search pages: facets, sort, results and pages, all driven by the URL. */
export async function ProductListing({
  hrefFor,
  resetHref,
  filters,
  list,
  locale,
  heading,
}: {
  hrefFor: (filters: BrowseFilters) => string;
  resetHref: string;
  filters: BrowseFilters;
  list: ProductList;
  locale: Locale;
  heading: React.ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'browse' });
  const sorts = SORTS.filter((sort) => sort !== 'relevance' || filters.q);
  const facets = <FacetPanel hrefFor={hrefFor} filters={filters} facets={list.facets} locale={locale} />;
  return (
    <div className="container-page mt-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          {heading}
          <p className="mt-1 text-sm text-stone-600" aria-live="polite">
            {t('resultCount', { count: list.total })}
          </p>
        </div>
        <SortSelect
          value={filters.sort}
          options={sorts.map((sort) => ({ sort, href: hrefFor({ ...filters, sort, page: 1 }) }))}
        />
      </div>
      <div className="mt-6 grid gap-8 lg:grid-cols-[14rem_1fr]">
        <aside>
          <FacetDrawer label={t('filters')}>{facets}</FacetDrawer>
        </aside>
        <div>
          {list.items.length === 0 ? (
            <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
              <p className="font-semibold">{t('emptyTitle')}</p>
              <p className="mt-1 text-sm text-stone-600">{t('emptyText')}</p>
              <Link href={resetHref} className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
                {t('resetAll')}
              </Link>
            </div>
          ) : (
            <ProductGrid items={list.items} locale={locale} />
          )}
          <Pagination
            page={list.page}
            pageCount={list.pageCount}
            hrefFor={(page) => hrefFor({ ...filters, page })}
            locale={locale}
          />
        </div>
      </div>
    </div>
  );
}
