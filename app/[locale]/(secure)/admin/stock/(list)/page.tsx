import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterBar, ListPagination, SearchField, StatusTabs } from '@/components/admin/list-parts';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable, readSort } from '@/components/ui/data-table';
import { LOW_STOCK, listStockEditions } from '@/lib/admin/stock/queries';
import { DEFAULT_STOCK_SORT, STOCK_SORTS, type StockFilter, type StockSort } from '@/lib/admin/stock/validation';
import { formatLabel } from '@/lib/catalog/format-label';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.stock');

const FILTERS: StockFilter[] = ['all', 'low', 'out'];

/** Physical editions by stock, lowest first (or sorted by product or SKU): search by title, SKU or barcode; low or sold out only. */
export default async function AdminStockPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const q = ([query.q].flat()[0] ?? '').trim().slice(0, 200);
  const filterParam = [query.filter].flat()[0] ?? 'all';
  const filter: StockFilter = (FILTERS as string[]).includes(filterParam) ? (filterParam as StockFilter) : 'all';
  const page = Math.min(10_000, Math.max(1, Number.parseInt([query.page].flat()[0] ?? '1', 10) || 1));
  const sort = readSort(query, STOCK_SORTS, DEFAULT_STOCK_SORT);
  const sorted = sort.key !== DEFAULT_STOCK_SORT.key || sort.dir !== DEFAULT_STOCK_SORT.dir;
  const t = await getTranslations({ locale, namespace: 'admin.stock' });
  const tTable = await getTranslations({ locale, namespace: 'common.table' });
  const list = await listStockEditions({ q, filter, page, sort });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const href = (next: { filter?: StockFilter; page?: number; sort?: StockSort }) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    const f = next.filter ?? filter;
    if (f !== 'all') params.set('filter', f);
    const s = next.sort ?? sort;
    if (s.key !== DEFAULT_STOCK_SORT.key || s.dir !== DEFAULT_STOCK_SORT.dir) {
      params.set('sort', s.key);
      params.set('dir', s.dir);
    }
    if ((next.page ?? 1) > 1) params.set('page', String(next.page));
    const text = params.toString();
    return `/admin/stock${text ? `?${text}` : ''}`;
  };
  type Row = (typeof list.items)[number];
  const columns: Column<Row>[] = [
    {
      key: 'product',
      header: t('columns.product'),
      rowHeader: true,
      sortable: true,
      className: 'font-normal',
      cell: (edition) => (
        <>
          <Link href={`/admin/stock/${edition.editionId}`} className="font-medium text-brand-700 hover:underline">
            {edition.productTitle}
          </Link>
          <span className="block text-xs text-stone-500">
            {[formatLabel(edition.format, locale), edition.name].filter(Boolean).join(' · ')}
          </span>
        </>
      ),
    },
    { key: 'sku', header: t('columns.sku'), sortable: true, className: 'font-mono text-xs', cell: (e) => e.sku },
    { key: 'barcode', header: t('columns.barcode'), className: 'font-mono text-xs', cell: (e) => e.barcode ?? '—' },
    {
      key: 'stock',
      header: t('columns.stock'),
      align: 'right',
      sortable: true,
      className: 'font-semibold tabular-nums',
      cell: (edition) => <span className={edition.stock === 0 ? 'text-brand-700' : undefined}>{edition.stock}</span>,
    },
  ];
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <FilterBar
        action="/admin/stock"
        hidden={{ filter: filter === 'all' ? null : filter, ...(sorted ? sort : {}) }}
        submit={t('searchSubmit')}
        className="mt-4 flex flex-wrap items-end gap-2"
      >
        <SearchField
          id="stock-q"
          label={t('search')}
          value={q}
          placeholder={t('searchPlaceholder')}
          className="grow sm:w-72 sm:grow-0"
        />
      </FilterBar>
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
      <DataTable
        columns={columns}
        rows={list.items}
        rowKey={(edition) => edition.editionId}
        caption={t('tableCaption', { count: list.total })}
        empty={t('empty')}
        sort={{
          ...sort,
          hrefFor: (key, dir) => href({ sort: { key: key as StockSort['key'], dir } }),
          labels: { ascending: tTable('sortAscending'), descending: tTable('sortDescending') },
        }}
      />
      <ListPagination t={t} page={page} pages={pages} hrefFor={(p) => href({ page: p })} />
    </div>
  );
}
