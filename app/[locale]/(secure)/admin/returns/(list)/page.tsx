import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ListPagination, StatusBadge, StatusTabs } from '@/components/admin/list-parts';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/data-table';
import { listReturnsForAdmin } from '@/lib/admin/returns/queries';
import { readReturnFilters, RETURN_STATUSES, type ReturnStatus } from '@/lib/admin/returns/validation';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.returns');

const href = (status: ReturnStatus | null, page = 1) => {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/admin/returns${query ? `?${query}` : ''}`;
};

/** Return requests (RMAs) by status, open ones oldest first. */
export default async function AdminReturnsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const filters = readReturnFilters(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.returns' });
  const list = await listReturnsForAdmin(filters);
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const allCount = Object.values(list.counts).reduce((sum, n) => sum + n, 0);
  const columns: Column<(typeof list.items)[number]>[] = [
    {
      key: 'number',
      header: t('columns.number'),
      rowHeader: true,
      className: 'font-semibold',
      cell: (ret) => (
        <Link href={`/admin/returns/${ret.id}`} className="text-brand-700 hover:underline">
          {t('number', { id: ret.id })}
        </Link>
      ),
    },
    {
      key: 'order',
      header: t('columns.order'),
      cell: (ret) => (
        <Link href={`/admin/orders/${ret.orderNumber}`} className="hover:underline">
          {ret.orderNumber}
        </Link>
      ),
    },
    {
      key: 'customer',
      header: t('columns.customer'),
      cell: (ret) => (
        <>
          <span className="block">{ret.customerName ?? '—'}</span>
          <span className="block text-xs text-stone-500">{ret.email ?? ''}</span>
        </>
      ),
    },
    {
      key: 'date',
      header: t('columns.date'),
      className: 'whitespace-nowrap text-stone-600',
      cell: (ret) => <time dateTime={ret.createdAt}>{date.format(new Date(ret.createdAt))}</time>,
    },
    {
      key: 'items',
      header: t('columns.items'),
      align: 'right',
      className: 'tabular-nums',
      cell: (ret) => ret.itemCount,
    },
    {
      key: 'status',
      header: t('columns.status'),
      cell: (ret) => <StatusBadge status={ret.status} label={t(`status.${ret.status}`)} />,
    },
  ];
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <StatusTabs
        label={t('filterLabel')}
        tabs={[
          { key: 'all', label: t('all'), count: allCount, href: href(null), current: filters.status === null },
          ...RETURN_STATUSES.map((status) => ({
            key: status,
            label: t(`status.${status}`),
            count: list.counts[status],
            href: href(status),
            current: filters.status === status,
          })),
        ]}
      />
      <DataTable
        columns={columns}
        rows={list.items}
        rowKey={(ret) => ret.id}
        caption={t('tableCaption', { count: list.total })}
        empty={filters.status ? t('emptyStatus') : t('empty')}
      />
      <ListPagination t={t} page={filters.page} pages={pages} hrefFor={(page) => href(filters.status, page)} />
    </div>
  );
}
