import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import type { Dashboard } from '@/lib/admin/dashboard/queries';
import { type Locale, LOCALE_TAGS } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';

/** Sections of the back-office dashboard: totals, best sellers, and the work queues. */

function useMoney(currency: string) {
  const locale = useLocale() as Locale;
  return (minor: number) => formatMoney(minor, currency, LOCALE_TAGS[locale] ?? 'en-US');
}

const card = 'min-w-0 rounded-xl border border-stone-200 bg-white p-4';
const th = 'py-2 pr-3 font-medium';
const tdNum = 'py-2 pr-3 text-right tabular-nums';

export function StatCards({ totals, currency }: Pick<Dashboard, 'totals' | 'currency'>) {
  const t = useTranslations('admin.dashboard.stats');
  const format = useFormatter();
  const money = useMoney(currency);
  const stats = [
    { label: t('revenue'), value: money(totals.revenueMinor) },
    { label: t('orders'), value: format.number(totals.orders) },
    {
      label: t('average'),
      value: totals.averageOrderMinor === null ? t('noAverage') : money(totals.averageOrderMinor),
    },
  ];
  return (
    <section aria-label={t('label')}>
      <dl className="grid gap-3 sm:grid-cols-3">
        {stats.map((stat) => (
          <div key={stat.label} className={card}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-stone-500">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-black tabular-nums">{stat.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function TopSales({
  dashboard,
}: {
  dashboard: Pick<Dashboard, 'topProductsByRevenue' | 'topProductsByUnits' | 'topFormats' | 'currency'>;
}) {
  const t = useTranslations('admin.dashboard.top');
  const formats = useTranslations('common.format');
  const format = useFormatter();
  const money = useMoney(dashboard.currency);
  const productTable = (id: string, title: string, rows: Dashboard['topProductsByRevenue']) => (
    <section aria-labelledby={id} className={card}>
      <h2 id={id} className="text-base font-bold">
        {title}
      </h2>
      {rows.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t('empty')}</p>
      ) : (
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
              <tr>
                <th scope="col" className={th}>
                  {t('product')}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t('units')}
                </th>
                <th scope="col" className={`${th} text-right`}>
                  {t('revenue')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {rows.map((row) => (
                <tr key={row.slug}>
                  <th scope="row" className="py-2 pr-3 font-normal">
                    <Link href={`/products/${row.slug}`} prefetch={false} className="text-brand-700 hover:underline">
                      {row.title}
                    </Link>
                  </th>
                  <td className={tdNum}>{format.number(row.units)}</td>
                  <td className={tdNum}>{money(row.revenueMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
  return (
    <div className="grid gap-4 xl:grid-cols-3">
      {productTable('top-revenue', t('productsByRevenue'), dashboard.topProductsByRevenue)}
      {productTable('top-units', t('productsByUnits'), dashboard.topProductsByUnits)}
      <section aria-labelledby="top-formats" className={card}>
        <h2 id="top-formats" className="text-base font-bold">
          {t('formats')}
        </h2>
        {dashboard.topFormats.length === 0 ? (
          <p className="mt-2 text-sm text-stone-600">{t('empty')}</p>
        ) : (
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
                <tr>
                  <th scope="col" className={th}>
                    {t('format')}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t('units')}
                  </th>
                  <th scope="col" className={`${th} text-right`}>
                    {t('revenue')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {dashboard.topFormats.map((row) => (
                  <tr key={row.format}>
                    <th scope="row" className="py-2 pr-3 font-normal">
                      {formats.has(row.format) ? formats(row.format) : row.format}
                    </th>
                    <td className={tdNum}>{format.number(row.units)}</td>
                    <td className={tdNum}>{money(row.revenueMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

function Queue({
  id,
  title,
  hint,
  total,
  shown,
  empty,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  total: number;
  shown: number;
  empty: string;
  children: React.ReactNode;
}) {
  const t = useTranslations('admin.dashboard.queues');
  return (
    <section aria-labelledby={id} className={card}>
      <div className="flex items-center justify-between gap-3">
        <h2 id={id} className="text-base font-bold">
          {title}
        </h2>
        <Badge tone={total > 0 ? 'brand' : 'muted'}>{t('count', { count: total })}</Badge>
      </div>
      <p className="mt-1 text-xs text-stone-500">{hint}</p>
      {total === 0 ? (
        <p className="mt-3 text-sm text-stone-600">{empty}</p>
      ) : (
        <>
          <div className="mt-2 overflow-x-auto">{children}</div>
          {total > shown && <p className="mt-2 text-xs text-stone-500">{t('showing', { shown, total })}</p>}
        </>
      )}
    </section>
  );
}

export function WorkQueues({
  dashboard,
  lowStockThreshold,
}: {
  dashboard: Pick<Dashboard, 'lowStock' | 'waitingToShip' | 'openReturns' | 'needsReview'>;
  lowStockThreshold: number;
}) {
  const t = useTranslations('admin.dashboard.queues');
  const formats = useTranslations('common.format');
  const format = useFormatter();
  const locale = useLocale() as Locale;
  const tag = LOCALE_TAGS[locale] ?? 'en-US';
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short' });
  const orderLink = (number: string) => (
    <Link
      href={`/admin/orders/${encodeURIComponent(number)}`}
      prefetch={false}
      className="font-medium text-brand-700 hover:underline"
    >
      {number}
    </Link>
  );
  const head = (...labels: string[]) => (
    <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
      <tr>
        {labels.map((label) => (
          <th key={label} scope="col" className={th}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
  const { lowStock, waitingToShip, openReturns, needsReview } = dashboard;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Queue
        id="queue-ship"
        title={t('waitingToShip')}
        hint={t('waitingToShipHint')}
        total={waitingToShip.total}
        shown={waitingToShip.items.length}
        empty={t('waitingToShipEmpty')}
      >
        <table className="w-full text-left text-sm">
          {head(t('order'), t('paid'), t('customer'), t('total'))}
          <tbody className="divide-y divide-stone-100">
            {waitingToShip.items.map((order) => (
              <tr key={order.number}>
                <td className="py-2 pr-3">{orderLink(order.number)}</td>
                <td className="whitespace-nowrap py-2 pr-3 text-stone-600">{date(order.paidAt ?? order.createdAt)}</td>
                <td className="max-w-40 truncate py-2 pr-3">{order.email ?? t('guest')}</td>
                <td className="whitespace-nowrap py-2 pr-3 text-right tabular-nums">
                  {formatMoney(order.totalMinor, order.currency, tag)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Queue>
      <Queue
        id="queue-review"
        title={t('needsReview')}
        hint={t('needsReviewHint')}
        total={needsReview.total}
        shown={needsReview.items.length}
        empty={t('needsReviewEmpty')}
      >
        <table className="w-full text-left text-sm">
          {head(t('order'), t('placed'), t('reason'))}
          <tbody className="divide-y divide-stone-100">
            {needsReview.items.map((order) => (
              <tr key={order.number}>
                <td className="py-2 pr-3">{orderLink(order.number)}</td>
                <td className="whitespace-nowrap py-2 pr-3 text-stone-600">{date(order.createdAt)}</td>
                <td className="py-2 pr-3">{order.reviewReason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Queue>
      <Queue
        id="queue-returns"
        title={t('openReturns')}
        hint={t('openReturnsHint')}
        total={openReturns.total}
        shown={openReturns.items.length}
        empty={t('openReturnsEmpty')}
      >
        <table className="w-full text-left text-sm">
          {head(t('order'), t('status'), t('requested'))}
          <tbody className="divide-y divide-stone-100">
            {openReturns.items.map((item) => (
              <tr key={item.id}>
                <td className="py-2 pr-3">{orderLink(item.orderNumber)}</td>
                <td className="py-2 pr-3">
                  <Badge tone={item.status === 'requested' ? 'brand' : 'info'}>
                    {t(`returnStatus.${item.status}`)}
                  </Badge>
                </td>
                <td className="whitespace-nowrap py-2 pr-3 text-stone-600">{date(item.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Queue>
      <Queue
        id="queue-stock"
        title={t('lowStock')}
        hint={t('lowStockHint', { threshold: lowStockThreshold })}
        total={lowStock.total}
        shown={lowStock.items.length}
        empty={t('lowStockEmpty', { threshold: lowStockThreshold })}
      >
        <table className="w-full text-left text-sm">
          {head(t('edition'), t('stock'))}
          <tbody className="divide-y divide-stone-100">
            {lowStock.items.map((edition) => (
              <tr key={edition.editionId}>
                <td className="py-2 pr-3">
                  <Link
                    href={`/admin/stock/${edition.editionId}`}
                    prefetch={false}
                    aria-label={t('openStock', { title: edition.productTitle, sku: edition.sku })}
                    className="font-medium text-brand-700 hover:underline"
                  >
                    {edition.productTitle}
                  </Link>
                  <span className="block text-xs text-stone-500">
                    {formats.has(edition.format) ? formats(edition.format) : edition.format}
                    {edition.name ? ` · ${edition.name}` : ''} · {edition.sku}
                  </span>
                </td>
                <td className={`py-2 pr-3 tabular-nums ${edition.stock === 0 ? 'font-bold text-brand-700' : ''}`}>
                  {format.number(edition.stock)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Queue>
    </div>
  );
}
