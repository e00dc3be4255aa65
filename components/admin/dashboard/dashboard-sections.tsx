import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/ui/badge';
import { Section, StatList } from '@/components/ui/card';
import { type Column, DataTable } from '@/components/ui/data-table';
import type { Dashboard } from '@/lib/admin/dashboard/queries';
import { type Locale, LOCALE_TAGS } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';

/** Sections of the back-office dashboard: totals, best sellers, and the work queues. */

function useMoney(currency: string) {
  const locale = useLocale() as Locale;
  return (minor: number) => formatMoney(minor, currency, LOCALE_TAGS[locale] ?? 'en-US');
}

const HEADING = 'text-base font-bold';

type Shipping = Dashboard['waitingToShip']['items'][number];
type Reviewing = Dashboard['needsReview']['items'][number];
type Returning = Dashboard['openReturns']['items'][number];

export function StatCards({ totals, currency }: Pick<Dashboard, 'totals' | 'currency'>) {
  const t = useTranslations('admin.dashboard.stats');
  const format = useFormatter();
  const money = useMoney(currency);
  return (
    <section aria-label={t('label')}>
      <StatList
        className="grid gap-3 sm:grid-cols-3"
        stats={[
          { label: t('revenue'), value: money(totals.revenueMinor) },
          { label: t('orders'), value: format.number(totals.orders) },
          {
            label: t('average'),
            value: totals.averageOrderMinor === null ? t('noAverage') : money(totals.averageOrderMinor),
          },
        ]}
      />
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
  /** Units and revenue after the column that names the row. */
  const figures = <Row extends { units: number; revenueMinor: number }>(first: Column<Row>): Column<Row>[] => [
    { ...first, rowHeader: true, className: 'font-normal' },
    {
      key: 'units',
      header: t('units'),
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => format.number(row.units),
    },
    {
      key: 'revenue',
      header: t('revenue'),
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => money(row.revenueMinor),
    },
  ];
  const productTable = (id: string, title: string, rows: Dashboard['topProductsByRevenue']) => (
    <Section id={id} title={title} className="min-w-0 p-4" headingClassName={HEADING}>
      <DataTable
        variant="plain"
        minWidth=""
        wrapperClassName="mt-2 overflow-x-auto"
        rows={rows}
        rowKey={(row) => row.slug}
        empty={t('empty')}
        columns={figures<Dashboard['topProductsByRevenue'][number]>({
          key: 'product',
          header: t('product'),
          cell: (row) => (
            <Link href={`/products/${row.slug}`} prefetch={false} className="text-brand-700 hover:underline">
              {row.title}
            </Link>
          ),
        })}
      />
    </Section>
  );
  return (
    <div className="grid gap-4 xl:grid-cols-3">
      {productTable('top-revenue', t('productsByRevenue'), dashboard.topProductsByRevenue)}
      {productTable('top-units', t('productsByUnits'), dashboard.topProductsByUnits)}
      <Section id="top-formats" title={t('formats')} className="min-w-0 p-4" headingClassName={HEADING}>
        <DataTable
          variant="plain"
          minWidth=""
          wrapperClassName="mt-2 overflow-x-auto"
          rows={dashboard.topFormats}
          rowKey={(row) => row.format}
          empty={t('empty')}
          columns={figures<Dashboard['topFormats'][number]>({
            key: 'format',
            header: t('format'),
            cell: (row) => (formats.has(row.format) ? formats(row.format) : row.format),
          })}
        />
      </Section>
    </div>
  );
}

const QUEUE_IDS = {
  waitingToShip: 'queue-ship',
  needsReview: 'queue-review',
  openReturns: 'queue-returns',
  lowStock: 'queue-stock',
} as const;

/**
 * One work queue: its count, what it holds, and the first rows of it (or what an empty one says).
 * Its title, hint and empty text are the queue's (`name`, `nameHint`, `nameEmpty`), given `values`.
 */
function Queue<Row>({
  name,
  list,
  values,
  rowKey,
  columns,
}: {
  name: keyof typeof QUEUE_IDS;
  list: { items: Row[]; total: number };
  values?: { threshold: number };
  rowKey: (row: Row) => string | number;
  columns: Column<Row>[];
}) {
  const t = useTranslations('admin.dashboard.queues');
  const { items: rows, total } = list;
  const id = QUEUE_IDS[name];
  const title = t(name);
  const hint = t(`${name}Hint`, values);
  const empty = t(`${name}Empty`, values);
  return (
    <Section
      id={id}
      title={title}
      className="min-w-0 p-4"
      headingClassName={HEADING}
      aside={<Badge tone={total > 0 ? 'brand' : 'muted'}>{t('count', { count: total })}</Badge>}
    >
      <p className="mt-1 text-xs text-stone-500">{hint}</p>
      {total === 0 ? (
        <p className="mt-3 text-sm text-stone-600">{empty}</p>
      ) : (
        <>
          <DataTable
            variant="plain"
            minWidth=""
            wrapperClassName="mt-2 overflow-x-auto"
            rows={rows}
            rowKey={rowKey}
            columns={columns}
          />
          {total > rows.length && (
            <p className="mt-2 text-xs text-stone-500">{t('showing', { shown: rows.length, total })}</p>
          )}
        </>
      )}
    </Section>
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
  const orderColumn = <Row,>(number: (row: Row) => string): Column<Row> => ({
    key: 'order',
    header: t('order'),
    cell: (row) => (
      <Link
        href={`/admin/orders/${encodeURIComponent(number(row))}`}
        prefetch={false}
        className="font-medium text-brand-700 hover:underline"
      >
        {number(row)}
      </Link>
    ),
  });
  const dateColumn = <Row,>(key: string, header: string, value: (row: Row) => Date): Column<Row> => ({
    key,
    header,
    className: 'whitespace-nowrap text-stone-600',
    cell: (row) => date(value(row)),
  });
  const { lowStock, waitingToShip, openReturns, needsReview } = dashboard;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Queue
        name="waitingToShip"
        list={waitingToShip}
        rowKey={(order) => order.number}
        columns={[
          orderColumn((order: Shipping) => order.number),
          dateColumn('paid', t('paid'), (order: Shipping) => order.paidAt ?? order.createdAt),
          {
            key: 'customer',
            header: t('customer'),
            className: 'max-w-40 truncate',
            cell: (order) => order.email ?? t('guest'),
          },
          {
            key: 'total',
            header: t('total'),
            className: 'whitespace-nowrap text-right tabular-nums',
            cell: (order) => formatMoney(order.totalMinor, order.currency, tag),
          },
        ]}
      />
      <Queue
        name="needsReview"
        list={needsReview}
        rowKey={(order) => order.number}
        columns={[
          orderColumn((order: Reviewing) => order.number),
          dateColumn('placed', t('placed'), (order: Reviewing) => order.createdAt),
          { key: 'reason', header: t('reason'), cell: (order) => order.reviewReason ?? '' },
        ]}
      />
      <Queue
        name="openReturns"
        list={openReturns}
        rowKey={(item) => item.id}
        columns={[
          orderColumn((item: Returning) => item.orderNumber),
          {
            key: 'status',
            header: t('status'),
            cell: (item) => (
              <Badge tone={item.status === 'requested' ? 'brand' : 'info'}>{t(`returnStatus.${item.status}`)}</Badge>
            ),
          },
          dateColumn('requested', t('requested'), (item: Returning) => item.createdAt),
        ]}
      />
      <Queue
        name="lowStock"
        list={lowStock}
        values={{ threshold: lowStockThreshold }}
        rowKey={(edition) => edition.editionId}
        columns={[
          {
            key: 'edition',
            header: t('edition'),
            cell: (edition) => (
              <>
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
              </>
            ),
          },
          {
            key: 'stock',
            header: t('stock'),
            className: 'tabular-nums',
            cell: (edition) => (
              <span className={edition.stock === 0 ? 'font-bold text-brand-700' : undefined}>
                {format.number(edition.stock)}
              </span>
            ),
          },
        ]}
      />
    </div>
  );
}
