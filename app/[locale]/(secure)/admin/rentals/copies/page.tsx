import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SubPage } from '@/components/admin/list-parts';
import { StatList } from '@/components/ui/card';
import { type Column, DataTable } from '@/components/ui/data-table';
import { formatLabel } from '@/lib/catalog/format-label';
import { env } from '@/lib/env';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { formatMoney } from '@/lib/money/format';
import { listRentalEditions, type RentalEditionRow } from '@/lib/admin/rentals/queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata('admin.rentals.copies');

/**
 * The rentable editions with how many copies each has on the shelf (idle), out, waiting for a check,
 * or gone, and how they have rented: rentals sent, fees, late fees and damage kept; totals above.
 */
export default async function AdminRentalCopiesPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'admin.rentals.copies' });
  const editions = await listRentalEditions();
  const money = (minor: number) => formatMoney(minor, env.STORE_CURRENCY, LOCALE_TAGS[locale]);
  const sum = (pick: (row: RentalEditionRow) => number) => editions.reduce((total, row) => total + pick(row), 0);
  const columns: Column<RentalEditionRow>[] = [
    {
      key: 'title',
      header: t('columns.title'),
      rowHeader: true,
      className: 'font-normal',
      cell: (edition) => (
        <>
          <Link
            href={`/admin/rentals/copies/${edition.editionId}`}
            className="font-medium text-brand-700 hover:underline"
          >
            {edition.productTitle}
          </Link>
          <span className="block text-xs text-stone-500">
            {[formatLabel(edition.format, locale), edition.editionName].filter(Boolean).join(' · ')} · {edition.sku}
          </span>
        </>
      ),
    },
    { key: 'available', header: t('statuses.available'), align: 'right', cell: (e) => e.copies.available },
    {
      key: 'out',
      header: t('columns.withShoppers'),
      align: 'right',
      cell: (e) => e.copies.reserved + e.copies.out,
    },
    {
      key: 'check',
      header: t('statuses.returned_pending_check'),
      align: 'right',
      cell: (e) => e.copies.returned_pending_check,
    },
    {
      key: 'gone',
      header: t('columns.outOfPool'),
      align: 'right',
      cell: (e) => e.copies.damaged + e.copies.lost + e.copies.retired,
    },
    { key: 'rentals', header: t('columns.rentals'), align: 'right', cell: (e) => e.usage.rentals },
    {
      key: 'fees',
      header: t('columns.fees'),
      align: 'right',
      className: 'tabular-nums',
      cell: (e) => money(e.usage.feesMinor),
    },
    {
      key: 'kept',
      header: t('columns.kept'),
      align: 'right',
      className: 'tabular-nums',
      cell: (e) => money(e.usage.lateFeesMinor + e.usage.damageMinor),
    },
  ];
  return (
    <SubPage back={{ href: '/admin/rentals', label: t('back') }} title={t('title')}>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
      <StatList
        className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4"
        stats={[
          { label: t('summary.rentals'), value: sum((e) => e.usage.rentals) },
          { label: t('summary.fees'), value: money(sum((e) => e.usage.feesMinor)) },
          {
            label: t('summary.kept'),
            value: money(sum((e) => e.usage.lateFeesMinor + e.usage.damageMinor)),
            hint: t('summary.keptHint', { late: money(sum((e) => e.usage.lateFeesMinor)) }),
          },
          { label: t('summary.idle'), value: sum((e) => e.copies.available), hint: t('summary.idleHint') },
        ]}
      />
      <div className="mt-4">
        <DataTable
          columns={columns}
          rows={editions}
          rowKey={(edition) => edition.editionId}
          caption={t('title')}
          empty={t('emptyEditions')}
        />
      </div>
    </SubPage>
  );
}
