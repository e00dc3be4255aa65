import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState, ListPagination, StatusTabs } from '@/components/admin/list-parts';
import { LOW_STOCK, listStockEditions } from '@/lib/admin/stock/queries';
import type { StockFilter } from '@/lib/admin/stock/validation';
import { formatLabel } from '@/lib/catalog/format-label';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.stock' });
  return { title: t('title') };
}

const FILTERS: StockFilter[] = ['all', 'low', 'out'];

/** Physical editions by stock, lowest first: search by title, SKU or barcode; low or sold out only. */
export default async function AdminStockPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const q = ([query.q].flat()[0] ?? '').trim().slice(0, 200);
  const filterParam = [query.filter].flat()[0] ?? 'all';
  const filter: StockFilter = (FILTERS as string[]).includes(filterParam) ? (filterParam as StockFilter) : 'all';
  const page = Math.min(10_000, Math.max(1, Number.parseInt([query.page].flat()[0] ?? '1', 10) || 1));
  const t = await getTranslations({ locale, namespace: 'admin.stock' });
  const list = await listStockEditions({ q, filter, page });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (next: { filter?: StockFilter; page?: number }) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    const f = next.filter ?? filter;
    if (f !== 'all') params.set('filter', f);
    if ((next.page ?? 1) > 1) params.set('page', String(next.page));
    const s = params.toString();
    return `/admin/stock${s ? `?${s}` : ''}`;
  };
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
      <form role="search" action="/admin/stock" className="mt-4 flex flex-wrap items-end gap-2">
        {filter !== 'all' && <input type="hidden" name="filter" value={filter} />}
        <div className="grow sm:grow-0">
          <label htmlFor="stock-q" className="block text-sm font-medium">
            {t('search')}
          </label>
          <input
            id="stock-q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t('searchPlaceholder')}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm sm:w-72"
          />
        </div>
        <button type="submit" className="rounded-full bg-stone-900 px-4 py-2 text-sm font-semibold text-white">
          {t('searchSubmit')}
        </button>
      </form>
      <StatusTabs
        label={t('filterLabel')}
        tabs={FILTERS.map((f) => ({
          key: f,
          label: t(`filters.${f}`, { low: LOW_STOCK }),
          count: null,
          href: href({ filter: f }),
          current: f === filter,
        }))}
      />
      {list.items.length === 0 ? (
        <EmptyState>{t('empty')}</EmptyState>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">{t('tableCaption', { count: list.total })}</caption>
            <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('columns.product')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.sku')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.barcode')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('columns.stock')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {list.items.map((edition) => (
                <tr key={edition.editionId} className="hover:bg-stone-50">
                  <th scope="row" className="px-3 py-2 font-normal">
                    <Link
                      href={`/admin/stock/${edition.editionId}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {edition.productTitle}
                    </Link>
                    <span className="block text-xs text-stone-500">
                      {[formatLabel(edition.format, locale), edition.name].filter(Boolean).join(' · ')}
                    </span>
                  </th>
                  <td className="px-3 py-2 font-mono text-xs">{edition.sku}</td>
                  <td className="px-3 py-2 font-mono text-xs">{edition.barcode ?? '—'}</td>
                  <td
                    className={`px-3 py-2 text-right font-semibold tabular-nums ${edition.stock === 0 ? 'text-brand-700' : ''}`}
                  >
                    {edition.stock}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPagination
        page={page}
        pages={pages}
        hrefFor={(p) => href({ page: p })}
        labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page, pages }) }}
      />
    </div>
  );
}
