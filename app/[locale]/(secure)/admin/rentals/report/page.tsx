import { getTranslations } from 'next-intl/server';
import { SubPage } from '@/components/admin/list-parts';
import { StatList } from '@/components/ui/card';
import { type Column, DataTable } from '@/components/ui/data-table';
import { formatLabel } from '@/lib/catalog/format-label';
import { now as clockNow } from '@/lib/clock';
import { env } from '@/lib/env';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { formatMoney } from '@/lib/money/format';
import { parseRange, rentalUtilization, type ReportRow } from '@/lib/admin/rentals/report';
import { formatLocalDate } from '@/lib/rentals/local-days';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('AdminRentalReport');

/**
 * The rental utilization report: a date range (the shop's local days; the last 30 by default), totals
 * above, then per edition the rentals sent, fees, late fees and charges kept, buy-outs and conversions,
 * and the copies in service and idle. A plain GET form: it works without JavaScript.
 */
export default async function AdminRentalReportPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const one = (key: string) => [query[key]].flat()[0];
  const t = await getTranslations({ locale, namespace: 'AdminRentalReport' });
  const now = clockNow();
  const timeZone = env.SHOP_TIME_ZONE;
  const { range, invalid } = parseRange({ from: one('from'), to: one('to'), idle: one('idle') }, now, timeZone);
  const rows = await rentalUtilization(range, now, timeZone);
  const tag = LOCALE_TAGS[locale];
  const money = (minor: number) => formatMoney(minor, env.STORE_CURRENCY, tag);
  const sum = (pick: (row: ReportRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const columns: Column<ReportRow>[] = [
    {
      key: 'title',
      header: t('columns.title'),
      rowHeader: true,
      className: 'font-normal',
      cell: (row) => (
        <>
          <span className="font-medium">{row.productTitle}</span>
          <span className="block text-xs text-stone-500">
            {[formatLabel(row.format, locale), row.editionName].filter(Boolean).join(' · ')} · {row.sku}
          </span>
        </>
      ),
    },
    { key: 'rentals', header: t('columns.rentals'), align: 'right', cell: (row) => row.rentals },
    {
      key: 'fees',
      header: t('columns.fees'),
      align: 'right',
      className: 'tabular-nums',
      cell: (r) => money(r.feesMinor),
    },
    {
      key: 'lateFees',
      header: t('columns.lateFees'),
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => money(row.lateFeesMinor),
    },
    {
      key: 'charges',
      header: t('columns.charges'),
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => money(row.chargesMinor),
    },
    {
      key: 'buyOuts',
      header: t('columns.buyOuts'),
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => t('buyOutsValue', { count: row.buyOuts, amount: money(row.buyOutsMinor) }),
    },
    { key: 'converted', header: t('columns.converted'), align: 'right', cell: (row) => row.converted },
    { key: 'inService', header: t('columns.inService'), align: 'right', cell: (row) => row.copiesInService },
    { key: 'idle', header: t('columns.idle'), align: 'right', cell: (row) => row.copiesIdle },
  ];
  return (
    <SubPage back={{ href: '/admin/rentals', label: t('back') }} title={t('title')}>
      <p className="mt-2 max-w-3xl text-sm text-stone-600">{t('intro')}</p>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t('from')}</span>
          <input
            type="date"
            name="from"
            defaultValue={range.from}
            className="rounded-md border border-stone-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t('to')}</span>
          <input
            type="date"
            name="to"
            defaultValue={range.to}
            className="rounded-md border border-stone-300 px-2 py-1"
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">{t('idleDays')}</span>
          <input
            type="number"
            name="idle"
            min={1}
            max={365}
            defaultValue={range.idleDays}
            className="w-24 rounded-md border border-stone-300 px-2 py-1"
          />
        </label>
        <button
          type="submit"
          className="rounded-full bg-stone-900 px-5 py-2 font-semibold text-white hover:bg-stone-700"
        >
          {t('apply')}
        </button>
      </form>
      {invalid && (
        <p role="alert" className="mt-2 text-sm font-medium text-brand-700">
          {t('invalid')}
        </p>
      )}
      {rows.length > 0 && (
        <StatList
          className="mt-6 grid grid-cols-2 gap-3 md:grid-cols-5"
          valueClassName="text-xl"
          stats={[
            { label: t('columns.rentals'), value: sum((r) => r.rentals) },
            { label: t('columns.fees'), value: money(sum((r) => r.feesMinor)) },
            { label: t('columns.lateFees'), value: money(sum((r) => r.lateFeesMinor)) },
            {
              label: t('columns.buyOuts'),
              value: t('buyOutsValue', { count: sum((r) => r.buyOuts), amount: money(sum((r) => r.buyOutsMinor)) }),
            },
            {
              label: t('columns.idle'),
              value: sum((r) => r.copiesIdle),
              hint: t('idleHint', { days: range.idleDays }),
            },
          ]}
        />
      )}
      <div className="mt-6">
        <DataTable
          columns={columns}
          rows={rows}
          rowKey={(row) => row.editionId}
          caption={t('caption', { from: formatLocalDate(range.from, tag), to: formatLocalDate(range.to, tag) })}
          empty={t('empty')}
        />
      </div>
    </SubPage>
  );
}
