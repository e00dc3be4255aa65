import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState, ListPagination, StatusBadge, StatusTabs } from '@/components/admin/list-parts';
import { listOrdersForAdmin } from '@/lib/admin/orders/queries';
import { ORDER_STATUSES, orderFiltersQuery, readOrderFilters } from '@/lib/admin/orders/validation';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import { formatMoney } from '@/lib/money/format';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.orders' });
  return { title: t('title') };
}

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
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
      <form
        role="search"
        action="/admin/orders"
        className="mt-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-[2fr_1fr_1fr_auto]"
      >
        {filters.status && <input type="hidden" name="status" value={filters.status} />}
        {filters.customer && <input type="hidden" name="customer" value={filters.customer} />}
        <div>
          <label htmlFor="orders-q" className="block text-sm font-medium">
            {t('filters.search')}
          </label>
          <input
            id="orders-q"
            name="q"
            type="search"
            defaultValue={filters.q}
            placeholder={t('filters.searchPlaceholder')}
            aria-describedby="orders-q-hint"
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm"
          />
          <p id="orders-q-hint" className="mt-1 text-xs text-stone-500">
            {t('filters.searchHint')}
          </p>
        </div>
        <div>
          <label htmlFor="orders-from" className="block text-sm font-medium">
            {t('filters.from')}
          </label>
          <input
            id="orders-from"
            name="from"
            type="date"
            defaultValue={filters.from ?? ''}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm"
          />
        </div>
        <div>
          <label htmlFor="orders-to" className="block text-sm font-medium">
            {t('filters.to')}
          </label>
          <input
            id="orders-to"
            name="to"
            type="date"
            defaultValue={filters.to ?? ''}
            className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-sm"
          />
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-full bg-stone-900 px-4 py-2 text-sm font-semibold text-white">
            {t('filters.apply')}
          </button>
          {filtered && (
            <Link href="/admin/orders" className="px-2 py-2 text-sm text-brand-700 hover:underline">
              {t('filters.clear')}
            </Link>
          )}
        </div>
      </form>
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
      {list.items.length === 0 ? (
        <EmptyState>{filtered ? t('emptyFiltered') : t('empty')}</EmptyState>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full min-w-[44rem] text-left text-sm">
            <caption className="sr-only">{t('tableCaption', { count: list.total })}</caption>
            <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('columns.number')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.date')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.customer')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.status')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('columns.items')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('columns.total')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {list.items.map((order) => (
                <tr key={order.id} className="hover:bg-stone-50">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    <Link href={`/admin/orders/${order.number}`} className="text-brand-700 hover:underline">
                      {order.number}
                    </Link>
                  </th>
                  <td className="whitespace-nowrap px-3 py-2 text-stone-600">
                    <time dateTime={order.createdAt}>{date.format(new Date(order.createdAt))}</time>
                  </td>
                  <td className="px-3 py-2">
                    <span className="block">{order.customerName ?? t('guest')}</span>
                    <span className="block text-xs text-stone-500">{order.email ?? t('noEmail')}</span>
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={order.status} label={t(`status.${order.status}`)} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{order.itemCount}</td>
                  <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                    {formatMoney(order.totalMinor, order.currency, LOCALE_TAGS[locale])}
                    {order.refundedMinor > 0 && (
                      <span className="block text-xs text-stone-500">
                        {t('refundedShort', {
                          amount: formatMoney(order.refundedMinor, order.currency, LOCALE_TAGS[locale]),
                        })}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPagination
        page={filters.page}
        pages={pages}
        hrefFor={(page) => `/admin/orders${orderFiltersQuery({ ...filters, page })}`}
        labels={{
          nav: t('pages'),
          previous: t('previous'),
          next: t('next'),
          pageOf: t('pageOf', { page: filters.page, pages }),
        }}
      />
    </div>
  );
}
