import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { SubPage } from '@/components/admin/list-parts';
import { type Column, DataTable } from '@/components/ui/data-table';
import { formatLabel } from '@/lib/catalog/format-label';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { listRentalEditions, type RentalEditionRow } from '@/lib/rentals/desk-queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata('admin.rentals.copies');

/** The rentable editions with how many copies each has on the shelf, out, waiting for a check, or gone. */
export default async function AdminRentalCopiesPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'admin.rentals.copies' });
  const editions = await listRentalEditions();
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
  ];
  return (
    <SubPage back={{ href: '/admin/rentals', label: t('back') }} title={t('title')}>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
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
