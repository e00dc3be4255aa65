import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { type Column, DataTable } from '@/components/ui/data-table';
import { formatLabel } from '@/lib/catalog/format-label';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';
import type { DispatchRow, OutRow } from '@/lib/admin/rentals/queries';
import { formatLocalDate } from '@/lib/rentals/local-days';
import { DispatchForm } from './desk-actions';
import { LostForm } from './lost-form';

/** The desk's two lists: rentals to send (with "Mark dispatched") and copies out (due date, days left or late, late fee so far). */

type Common = DispatchRow | OutRow;

async function commonColumns<Row extends Common>(locale: Locale): Promise<Column<Row>[]> {
  const t = await getTranslations({ locale, namespace: 'admin.rentals.columns' });
  return [
    {
      key: 'title',
      header: t('title'),
      rowHeader: true,
      className: 'font-normal',
      cell: (row) => (
        <>
          <span className="font-medium">{row.productTitle}</span>
          <span className="block text-xs text-stone-500">
            {[formatLabel(row.format, locale), row.editionName].filter(Boolean).join(' · ')}
          </span>
        </>
      ),
    },
    { key: 'code', header: t('code'), className: 'font-mono text-xs', cell: (row) => row.code },
    {
      key: 'order',
      header: t('order'),
      cell: (row) => (
        <>
          {row.orderNumber ? (
            <Link href={`/admin/orders/${row.orderNumber}`} className="text-brand-700 hover:underline">
              {row.orderNumber}
            </Link>
          ) : (
            t('noOrder')
          )}
          <span className="block text-xs text-stone-500">{row.customer ?? t('guest')}</span>
        </>
      ),
    },
    { key: 'period', header: t('period'), cell: (row) => t('days', { days: row.periodDays }) },
  ];
}

export async function DispatchTable({ rows, locale }: { rows: DispatchRow[]; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'admin.rentals' });
  const columns: Column<DispatchRow>[] = [
    ...(await commonColumns<DispatchRow>(locale)),
    {
      key: 'action',
      header: t('columns.action'),
      align: 'right',
      cell: (row) => (
        <DispatchForm rentalId={row.rentalId} code={row.code} label={`${row.productTitle} (${row.code})`} />
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.rentalId}
      caption={t('views.dispatch')}
      empty={t('empty.dispatch')}
    />
  );
}

export async function OutTable({ rows, locale, overdue }: { rows: OutRow[]; locale: Locale; overdue: boolean }) {
  const t = await getTranslations({ locale, namespace: 'admin.rentals' });
  const tag = LOCALE_TAGS[locale];
  const columns: Column<OutRow>[] = [
    ...(await commonColumns<OutRow>(locale)),
    {
      key: 'due',
      header: t('columns.due'),
      className: 'whitespace-nowrap',
      cell: (row) => (
        <>
          <time dateTime={row.dueDate}>{formatLocalDate(row.dueDate, tag)}</time>
          <span className={`block text-xs ${row.daysLate > 0 ? 'font-semibold text-brand-700' : 'text-stone-500'}`}>
            {row.daysLate > 0 ? t('daysLate', { days: row.daysLate }) : t('daysLeft', { days: row.daysLeft })}
          </span>
        </>
      ),
    },
    {
      key: 'lateFee',
      header: t('columns.lateFee'),
      align: 'right',
      className: 'tabular-nums',
      cell: (row) => (
        <>
          {formatMoney(row.lateFeeSoFarMinor, row.currency, tag)}
          <span className="block text-xs text-stone-500">
            {t('ofDeposit', { deposit: formatMoney(row.depositMinor, row.currency, tag) })}
          </span>
        </>
      ),
    },
    {
      key: 'action',
      header: t('columns.action'),
      align: 'right',
      cell: (row) => (
        <LostForm
          rentalId={row.rentalId}
          title={row.productTitle}
          code={row.code}
          currency={row.currency}
          depositMinor={row.depositMinor}
          lateFeeSoFarMinor={row.lateFeeSoFarMinor}
        />
      ),
    },
  ];
  return (
    <DataTable
      columns={columns}
      rows={rows}
      rowKey={(row) => row.rentalId}
      caption={t(overdue ? 'views.overdue' : 'views.out')}
      empty={t(overdue ? 'empty.overdue' : 'empty.out')}
    />
  );
}
