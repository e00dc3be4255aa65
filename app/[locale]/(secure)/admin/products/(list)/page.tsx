import Link from 'next/link';
import { ListPagination, ListResults } from '@/components/admin/list-parts';
import { getTranslations } from 'next-intl/server';
import { ProductFilters } from '@/components/admin/catalog/product-filters';
import { ProductTable } from '@/components/admin/catalog/product-table';
import { listAdminProducts } from '@/lib/admin/catalog/queries';
import { adminFiltersQuery, readAdminProductFilters } from '@/lib/admin/catalog/validation';
import { requireAdmin } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.catalog.list');

/** /admin/products: the catalog, searchable and filterable, with bulk status changes and CSV export. */
const LINK_RING = 'ring-1 ring-stone-300';

export default async function AdminProductsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const admin = await requireAdmin();
  const filters = readAdminProductFilters(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.catalog.list' });
  const list = await listAdminProducts(admin, filters);
  const { page: _page, ...exportFilters } = filters;
  const href = (page: number) => `/admin/products${adminFiltersQuery({ ...filters, page })}`;
  const filtered = Boolean(filters.q || filters.kind || filters.status || filters.format);
  return (
    <div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          {[
            { href: '/admin/products/new', text: t('new'), tone: 'bg-stone-900 text-white' },
            { href: '/admin/products/import', text: t('import'), tone: LINK_RING },
          ].map((link) => (
            <Link key={link.href} href={link.href} className={`rounded-full px-4 py-2 font-semibold ${link.tone}`}>
              {link.text}
            </Link>
          ))}
          <a
            href={`/api/admin/products/export.csv${adminFiltersQuery(exportFilters)}`}
            className={`rounded-full px-4 py-2 font-semibold ${LINK_RING}`}
            download
          >
            {filtered ? t('exportFiltered') : t('export')}
          </a>
        </div>
      </div>
      <ProductFilters filters={filters} />
      <ListResults
        count={t('count', { count: list.total })}
        empty={
          list.items.length === 0 && (
            <>
              <p>{filtered ? t('emptyFiltered') : t('empty')}</p>
              {filtered && (
                <Link href="/admin/products" className="mt-2 inline-block font-medium text-brand-700 underline">
                  {t('clearFilters')}
                </Link>
              )}
            </>
          )
        }
      >
        <div className="mt-2">
          <ProductTable items={list.items} currency={env.STORE_CURRENCY} locale={locale} />
        </div>
      </ListResults>
      <ListPagination t={t} page={list.page} pages={list.pageCount} hrefFor={href} />
    </div>
  );
}
