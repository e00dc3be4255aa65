import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { formatPrice } from '@/components/store/price';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import type { OrderView } from '@/lib/orders/queries';
import { CancelOrderButton, PayNowButton } from './order-buttons';
import { ReturnForm } from './return-form';

const STATUS_TONE = {
  pending_payment: 'brand',
  paid: 'success',
  shipped: 'info',
  delivered: 'success',
  cancelled: 'muted',
  refunded: 'muted',
  needs_review: 'brand',
} as const;

/** An order for its owner: status, timeline, lines, totals, address, tracking, and what they can do. */
export async function OrderDetails({
  order,
  locale,
  orderKey,
}: {
  order: OrderView;
  locale: Locale;
  orderKey: string;
}) {
  const t = await getTranslations({ locale, namespace: 'orders' });
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium', timeStyle: 'short' });
  const money = (minor: number) => formatPrice(minor, locale);
  return (
    <article aria-labelledby="order-heading" className="space-y-8">
      <header className="flex flex-wrap items-center justify-between gap-4">
        <div>
          <h1 id="order-heading" className="text-3xl font-black tracking-tight">
            {t('orderNumber', { number: order.number })}
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            {t('placedOn', { date: date.format(new Date(order.createdAt)) })}
          </p>
        </div>
        <p className="text-lg">
          <span className="sr-only">{t('statusLabel')} </span>
          <Badge tone={STATUS_TONE[order.status]}>{t(`status.${order.status}`)}</Badge>
        </p>
      </header>

      {order.status === 'pending_payment' && (
        <div className="rounded-xl border border-brand-100 bg-brand-50 p-4 text-sm">
          <p>
            {order.canPay
              ? t('awaitingPayment', { date: date.format(new Date(order.expiresAt)) })
              : order.demoPaymentOff
                ? t('demoPaymentOff')
                : t('paymentWindowPassed')}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            {order.canPay && <PayNowButton number={order.number} orderKey={orderKey} />}
          </div>
        </div>
      )}

      <div className="flex flex-wrap gap-3">
        {order.canCancel && (
          <CancelOrderButton number={order.number} orderKey={orderKey} paid={order.status === 'paid'} />
        )}
        {order.canReturn && (
          <ReturnForm number={order.number} orderKey={orderKey} requestKey={randomUUID()} lines={order.lines} />
        )}
      </div>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading" className="text-lg font-bold">
          {t('timeline')}
        </h2>
        <ol className="mt-3 space-y-2 border-l-2 border-stone-200 pl-4 text-sm">
          {order.events.map((event, index) => (
            <li key={index}>
              <span className="font-medium">
                {t.has(`events.${event.type}`) ? t(`events.${event.type}`) : event.type}
              </span>{' '}
              <time className="text-stone-500" dateTime={event.createdAt}>
                {date.format(new Date(event.createdAt))}
              </time>
            </li>
          ))}
        </ol>
      </section>

      {order.shipments.length > 0 && (
        <section aria-labelledby="shipping-heading">
          <h2 id="shipping-heading" className="text-lg font-bold">
            {t('tracking')}
          </h2>
          <ul className="mt-3 space-y-2 text-sm">
            {order.shipments.map((shipment) => (
              <li key={shipment.trackingNumber} className="rounded-lg border border-stone-200 bg-white p-3">
                <p>
                  {t('shippedWith', { carrier: shipment.carrier, date: date.format(new Date(shipment.shippedAt)) })}
                </p>
                <p>
                  {t('trackingNumber')}:{' '}
                  {shipment.trackingUrl ? (
                    <a
                      href={shipment.trackingUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="font-semibold text-brand-700 underline"
                    >
                      {shipment.trackingNumber}
                    </a>
                  ) : (
                    <span className="font-semibold">{shipment.trackingNumber}</span>
                  )}
                </p>
                {shipment.deliveredAt && (
                  <p>{t('deliveredOn', { date: date.format(new Date(shipment.deliveredAt)) })}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="items-heading">
        <h2 id="items-heading" className="text-lg font-bold">
          {t('items')}
        </h2>
        <table className="mt-3 w-full text-sm">
          <thead className="sr-only">
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col">{t('quantity')}</th>
              <th scope="col">{t('price')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {order.lines.map((line) => (
              <tr key={line.id}>
                <td className="py-2">
                  <Link href={`/products/${line.slug}`} className="font-medium hover:underline">
                    {line.title}
                  </Link>
                  <span className="block text-stone-500">
                    {[line.format, line.editionName].filter(Boolean).join(' · ')}
                  </span>
                </td>
                <td className="py-2 text-right tabular-nums">× {line.quantity}</td>
                <td className="py-2 text-right tabular-nums">{money(line.lineTotalMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="mt-3 ml-auto max-w-xs space-y-1 text-sm">
          <div className="flex justify-between">
            <dt>{t('subtotal')}</dt>
            <dd className="tabular-nums">{money(order.subtotalMinor)}</dd>
          </div>
          <div className="flex justify-between">
            <dt>{t('shipping')}</dt>
            <dd className="tabular-nums">{money(order.shippingMinor)}</dd>
          </div>
          {order.taxMinor > 0 && (
            <div className="flex justify-between">
              <dt>{order.taxInclusive ? t('includedTax') : t('tax')}</dt>
              <dd className="tabular-nums">{money(order.taxMinor)}</dd>
            </div>
          )}
          <div className="flex justify-between font-bold">
            <dt>{t('total')}</dt>
            <dd className="tabular-nums">{money(order.totalMinor)}</dd>
          </div>
          {order.refundedMinor > 0 && (
            <div className="flex justify-between text-emerald-800">
              <dt>{t('refunded')}</dt>
              <dd className="tabular-nums">{money(order.refundedMinor)}</dd>
            </div>
          )}
        </dl>
      </section>

      {order.address && (
        <section aria-labelledby="address-heading">
          <h2 id="address-heading" className="text-lg font-bold">
            {t('shipTo')}
          </h2>
          <address className="mt-2 text-sm not-italic text-stone-700">
            {order.address.name}
            <br />
            {order.address.line1}
            {order.address.line2 && (
              <>
                <br />
                {order.address.line2}
              </>
            )}
            <br />
            {[order.address.postalCode, order.address.city, order.address.region].filter(Boolean).join(' ')}
            <br />
            {order.address.country}
          </address>
        </section>
      )}

      {order.returns.length > 0 && (
        <section aria-labelledby="returns-heading">
          <h2 id="returns-heading" className="text-lg font-bold">
            {t('returns')}
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {order.returns.map((ret) => (
              <li key={ret.id}>
                {t('returnLine', {
                  date: date.format(new Date(ret.createdAt)),
                  status: t(`returnStatus.${ret.status}`),
                })}
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}
