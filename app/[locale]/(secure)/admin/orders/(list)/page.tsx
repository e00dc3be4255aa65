import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { FilterBar, ListPagination, StatusBadge, StatusTabs } from '@/components/admin/list-parts';
import { PageHeader } from '@/components/ui/page-header';
import { type Column, DataTable } from '@/components/ui/data-table';
import { Field } from '@/components/ui/field';
import { listOrdersForAdmin } from '@/lib/admin/orders/queries';
import { ORDER_STATUSES, orderFiltersQuery, readOrderFilters } from '@/lib/admin/orders/validation';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { formatMoney } from '@/lib/money/format';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.orders');

/** Every order, newest first: status tabs with counts, days, customer, search by number or email. */
export default async function AdminOrdersPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const filters = readOrderFilters(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.orders' });
  const list = await listOrdersForAdmin(filters);
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' });
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const allCount = Object.values(list.counts).reduce((sum, n) => sum + n, 0);
  const filtered = Boolean(filters.status || filters.from || filters.to || filters.q || filters.customer);
  const columns: Column<(typeof list.items)[number]>[] = [
    {
      key: 'number',
      header: t('columns.number'),
      rowHeader: true,
      className: 'font-semibold',
      cell: (order) => (
        <Link href={`/admin/orders/${order.number}`} className="text-brand-700 hover:underline">
          {order.number}
        </Link>
      ),
    },
    {
      key: 'date',
      header: t('columns.date'),
      className: 'whitespace-nowrap text-stone-600',
      cell: (order) => <time dateTime={order.createdAt}>{date.format(new Date(order.createdAt))}</time>,
    },
    {
      key: 'customer',
      header: t('columns.customer'),
      cell: (order) => (
        <>
          <span className="block">{order.customerName ?? t('guest')}</span>
          <span className="block text-xs text-stone-500">{order.email ?? t('noEmail')}</span>
        </>
      ),
    },
    {
      key: 'status',
      header: t('columns.status'),
      cell: (order) => <StatusBadge status={order.status} label={t(`status.${order.status}`)} />,
    },
    {
      key: 'items',
      header: t('columns.items'),
      align: 'right',
      className: 'tabular-nums',
      cell: (order) => order.itemCount,
    },
    {
      key: 'total',
      header: t('columns.total'),
      align: 'right',
      className: 'whitespace-nowrap tabular-nums',
      cell: (order) => (
        <>
          {formatMoney(order.totalMinor, order.currency, LOCALE_TAGS[locale])}
          {order.refundedMinor > 0 && (
            <span className="block text-xs text-stone-500">
              {t('refundedShort', { amount: formatMoney(order.refundedMinor, order.currency, LOCALE_TAGS[locale]) })}
            </span>
          )}
        </>
      ),
    },
  ];
  return (
    <div>
      <PageHeader title={t('title')} />
      <FilterBar
        action="/admin/orders"
        hidden={{ status: filters.status, customer: filters.customer }}
        submit={t('filters.apply')}
        clear={filtered && t('filters.clear')}
        className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
      >
        <Field
          id="orders-q"
          label={t('filters.search')}
          hint={t('filters.searchHint')}
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder={t('filters.searchPlaceholder')}
        />
        <Field id="orders-from" label={t('filters.from')} name="from" type="date" defaultValue={filters.from ?? ''} />
        <Field id="orders-to" label={t('filters.to')} name="to" type="date" defaultValue={filters.to ?? ''} />
      </FilterBar>
      {filters.customer && (
        <p className="mt-3 text-sm text-stone-600">
          {t('filters.customerOnly', { id: filters.customer })}{' '}
          <Link
            href={`/admin/orders${orderFiltersQuery({ ...filters, customer: null, page: 1 })}`}
            className="text-brand-700 hover:underline"
          >
            {t('filters.allCustomers')}
          </Link>
        </p>
      )}
      <StatusTabs
        label={t('filters.status')}
        tabs={[
          {
            key: 'all',
            label: t('filters.all'),
            count: allCount,
            href: `/admin/orders${orderFiltersQuery({ ...filters, status: null, page: 1 })}`,
            current: filters.status === null,
          },
          ...ORDER_STATUSES.map((status) => ({
            key: status,
            label: t(`status.${status}`),
            count: list.counts[status],
            href: `/admin/orders${orderFiltersQuery({ ...filters, status, page: 1 })}`,
            current: filters.status === status,
          })),
        ]}
      />
      <DataTable
        columns={columns}
        rows={list.items}
        rowKey={(order) => order.id}
        caption={t('tableCaption', { count: list.total })}
        empty={filtered ? t('emptyFiltered') : t('empty')}
        minWidth="min-w-[44rem]"
      />
      <ListPagination
        t={t}
        page={filters.page}
        pages={pages}
        hrefFor={(page) => `/admin/orders${orderFiltersQuery({ ...filters, page })}`}
      />
    </div>
  );
}
