import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { EmptyState, ListPagination, StatusBadge, StatusTabs } from '@/components/admin/list-parts';
import { listReturnsForAdmin } from '@/lib/admin/returns/queries';
import { readReturnFilters, RETURN_STATUSES, type ReturnStatus } from '@/lib/admin/returns/validation';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.returns' });
  return { title: t('title') };
}

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
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
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
      {list.items.length === 0 ? (
        <EmptyState>{filters.status ? t('emptyStatus') : t('empty')}</EmptyState>
      ) : (
        <div className="mt-4 overflow-x-auto rounded-xl border border-stone-200 bg-white">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">{t('tableCaption', { count: list.total })}</caption>
            <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('columns.number')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.order')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.customer')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.date')}
                </th>
                <th scope="col" className="px-3 py-2 text-right">
                  {t('columns.items')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('columns.status')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {list.items.map((ret) => (
                <tr key={ret.id} className="hover:bg-stone-50">
                  <th scope="row" className="px-3 py-2 font-semibold">
                    <Link href={`/admin/returns/${ret.id}`} className="text-brand-700 hover:underline">
                      {t('number', { id: ret.id })}
                    </Link>
                  </th>
                  <td className="px-3 py-2">
                    <Link href={`/admin/orders/${ret.orderNumber}`} className="hover:underline">
                      {ret.orderNumber}
                    </Link>
                  </td>
                  <td className="px-3 py-2">
                    <span className="block">{ret.customerName ?? '—'}</span>
                    <span className="block text-xs text-stone-500">{ret.email ?? ''}</span>
                  </td>
                  <td className="whitespace-nowrap px-3 py-2 text-stone-600">
                    <time dateTime={ret.createdAt}>{date.format(new Date(ret.createdAt))}</time>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{ret.itemCount}</td>
                  <td className="px-3 py-2">
                    <StatusBadge status={ret.status} label={t(`status.${ret.status}`)} />
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
        hrefFor={(page) => href(filters.status, page)}
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
