import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { type Column, DataTable } from '@/components/ui/data-table';

type Line = {
  id: number;
  title: string;
  editionId: number | null;
  sku: string | null;
  quantity: number;
};

/**
 * The lines of an order or a return for staff: the item and what edition it is, its SKU (linking to
 * the edition's stock), the quantity, optionally the unit price, and the line's total; the column
 * names are the order page's (`admin.orders.lines`).
 */
export async function OrderLinesTable<L extends Line>({
  lines,
  locale,
  details,
  barcode,
  unitPrice,
  total,
  minWidth,
}: {
  lines: L[];
  locale: Locale;
  /** Under the title: format, edition name and the like, joined with dots. */
  details: (line: L) => (string | null | undefined)[];
  barcode?: (line: L) => string | null;
  unitPrice?: (line: L) => string;
  total: (line: L) => string;
  minWidth: string;
}) {
  const t = await getTranslations({ locale, namespace: 'admin.orders.lines' });
  const columns: Column<L>[] = [
    {
      key: 'item',
      header: t('item'),
      cell: (line) => (
        <>
          <span className="font-medium">{line.title}</span>
          <span className="block text-xs text-stone-500">{details(line).filter(Boolean).join(' · ')}</span>
        </>
      ),
    },
    {
      key: 'sku',
      header: t('sku'),
      className: 'font-mono text-xs',
      cell: (line) => (
        <>
          {line.editionId ? (
            <Link href={`/admin/stock/${line.editionId}`} className="text-brand-700 hover:underline">
              {line.sku ?? line.editionId}
            </Link>
          ) : (
            '—'
          )}
          {barcode?.(line) && <span className="block text-stone-500">{barcode(line)}</span>}
        </>
      ),
    },
    {
      key: 'quantity',
      header: t('quantity'),
      align: 'right',
      className: 'tabular-nums',
      cell: (line) => line.quantity,
    },
    ...(unitPrice
      ? [
          {
            key: 'unitPrice',
            header: t('unitPrice'),
            align: 'right',
            className: 'tabular-nums',
            cell: unitPrice,
          } as const,
        ]
      : []),
    { key: 'total', header: t('total'), align: 'right', className: 'tabular-nums', cell: total },
  ];
  return <DataTable variant="plain" minWidth={minWidth} columns={columns} rows={lines} rowKey={(line) => line.id} />;
}
