import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { AddressBlock } from '@/components/ui/address-block';
import { DataTable } from '@/components/ui/data-table';
import type { AdminOrder } from '@/lib/admin/orders/detail-queries';
import { formatLabel } from '@/lib/catalog/format-label';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { PrintButton } from './print-button';

// Printing hides the store's header, footer and the back-office navigation around the slip, and the
// slip's own toolbar; the slip then fills the page. Scoped to this page: it leaves with it.
const PRINT_CSS = `
@media print {
  body > a[href="#main"], body header, body footer, body aside, [data-print-hide] { display: none !important; }
  main > div { display: block !important; padding: 0 !important; margin: 0 !important; max-width: none !important; }
  html, body { background: #fff !important; }
  .packing-slip { border: 0 !important; box-shadow: none !important; padding: 0 !important; }
  .packing-slip tr { break-inside: avoid; }
  @page { margin: 12mm; }
}`;

/** The packing slip of an order: ship-to address, the physical items with SKUs and barcodes, the number. */
export async function PackingSlip({ order, locale }: { order: AdminOrder; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'admin.orders.packingSlip' });
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'long' });
  const physical = order.lines.filter((line) => !line.digital);
  const digitalCount = order.lines.length - physical.length;
  const units = physical.reduce((sum, line) => sum + line.quantity, 0);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <div data-print-hide className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <Link href={`/admin/orders/${order.number}`} className="text-sm text-brand-700 hover:underline">
          ← {t('back', { number: order.number })}
        </Link>
        <PrintButton label={t('print')} />
      </div>
      <article
        aria-labelledby="slip-heading"
        className="packing-slip mx-auto max-w-3xl rounded-xl border border-stone-200 bg-white p-8 text-stone-900"
      >
        <div className="flex flex-wrap items-start justify-between gap-4 border-b border-stone-300 pb-4">
          <div>
            <p className="text-2xl font-black tracking-tight">Encore</p>
            <h1 id="slip-heading" className="text-sm uppercase tracking-wide text-stone-600">
              {t('title')}
            </h1>
          </div>
          <div className="text-right">
            <p className="text-xs uppercase text-stone-600">{t('order')}</p>
            <p className="font-mono text-3xl font-bold">{order.number}</p>
            <p className="text-sm text-stone-600">{date.format(new Date(order.createdAt))}</p>
          </div>
        </div>

        <div className="mt-6 grid gap-6 sm:grid-cols-2">
          <section aria-labelledby="slip-ship-to">
            <h2 id="slip-ship-to" className="text-xs font-semibold uppercase text-stone-600">
              {t('shipTo')}
            </h2>
            {order.address ? (
              <AddressBlock
                address={order.address}
                withPhone
                className="mt-1 text-base leading-snug"
                phoneClassName=""
              />
            ) : (
              <p className="mt-1">{t('noAddress')}</p>
            )}
          </section>
          <section aria-labelledby="slip-shipping">
            <h2 id="slip-shipping" className="text-xs font-semibold uppercase text-stone-600">
              {t('shipping')}
            </h2>
            <p className="mt-1">{order.shippingMethod ?? '—'}</p>
            {order.shipments.map((shipment) => (
              <p key={shipment.id} className="font-mono text-sm">
                {shipment.carrier} {shipment.trackingNumber}
              </p>
            ))}
          </section>
        </div>

        <DataTable
          variant="print"
          minWidth=""
          caption={t('items')}
          rows={physical}
          rowKey={(line) => line.id}
          columns={[
            {
              key: 'quantity',
              header: t('quantity'),
              align: 'right',
              className: 'text-lg font-bold tabular-nums',
              cell: (line) => line.quantity,
            },
            {
              key: 'item',
              header: t('item'),
              cell: (line) => (
                <>
                  <span className="font-medium">{line.title}</span>
                  <span className="block text-xs text-stone-600">
                    {[formatLabel(line.format, locale), line.editionName, line.kind === 'rental' ? t('rental') : null]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </>
              ),
            },
            { key: 'sku', header: t('sku'), className: 'font-mono text-xs', cell: (line) => line.sku ?? '—' },
            {
              key: 'barcode',
              header: t('barcode'),
              className: 'font-mono text-xs',
              cell: (line) => line.barcode ?? '—',
            },
            {
              key: 'packed',
              header: t('packed'),
              className: 'text-center',
              headerClassName: 'text-center',
              cell: () => <span aria-hidden className="inline-block size-4 border border-stone-800" />,
            },
          ]}
        />
        {physical.length === 0 && <p className="mt-4 text-sm">{t('nothingToShip')}</p>}
        <p className="mt-4 text-sm font-semibold">{t('units', { count: units })}</p>
        {digitalCount > 0 && <p className="mt-1 text-sm text-stone-600">{t('digitalNote', { count: digitalCount })}</p>}
        <p className="mt-8 border-t border-stone-300 pt-4 text-xs text-stone-600">{t('footer')}</p>
      </article>
    </>
  );
}
