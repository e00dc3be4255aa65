import { randomUUID } from 'node:crypto';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Timeline } from '@/components/ui/timeline';
import { AddressBlock } from '@/components/ui/address-block';
import { Badge } from '@/components/ui/badge';
import { Section } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { DefinitionList } from '@/components/ui/definition-list';
import { formatPrice } from '@/components/store/price';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import type { OrderView } from '@/lib/orders/queries';
import { CancelOrderButton, PayNowButton } from './order-buttons';
import { ReturnForm } from './return-form';
import { TrackingNumber } from '@/components/ui/tracking-number';

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

      <Section bare id="timeline-heading" title={t('timeline')} headingClassName="text-lg font-bold">
        <Timeline className="mt-3 space-y-2">
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
        </Timeline>
      </Section>

      {order.shipments.length > 0 && (
        <Section bare id="shipping-heading" title={t('tracking')} headingClassName="text-lg font-bold">
          <ul className="mt-3 space-y-2 text-sm">
            {order.shipments.map((shipment) => (
              <li key={shipment.trackingNumber} className="rounded-lg border border-stone-200 bg-white p-3">
                <p>
                  {t('shippedWith', { carrier: shipment.carrier, date: date.format(new Date(shipment.shippedAt)) })}
                </p>
                <p>
                  {t('trackingNumber')}:{' '}
                  <TrackingNumber
                    number={shipment.trackingNumber}
                    url={shipment.trackingUrl}
                    className="font-semibold"
                  />
                </p>
                {shipment.deliveredAt && (
                  <p>{t('deliveredOn', { date: date.format(new Date(shipment.deliveredAt)) })}</p>
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section bare id="items-heading" title={t('items')} headingClassName="text-lg font-bold">
        <DataTable
          variant="plain"
          minWidth=""
          hideHeader
          rows={order.lines}
          rowKey={(line) => line.id}
          columns={[
            {
              key: 'item',
              header: t('item'),
              cell: (line) => (
                <>
                  <Link href={`/products/${line.slug}`} className="font-medium hover:underline">
                    {line.title}
                  </Link>
                  <span className="block text-stone-500">
                    {[line.format, line.editionName].filter(Boolean).join(' · ')}
                  </span>
                  {line.rentalPeriodDays !== null && (
                    <span className="block text-stone-700">
                      {t('rentalLine', {
                        days: line.rentalPeriodDays,
                        deposit: money(line.rentalDepositMinor ?? 0),
                      })}
                    </span>
                  )}
                </>
              ),
            },
            {
              key: 'quantity',
              header: t('quantity'),
              align: 'right',
              className: 'tabular-nums',
              cell: (line) => `× ${line.quantity}`,
            },
            {
              key: 'price',
              header: t('price'),
              align: 'right',
              className: 'tabular-nums',
              cell: (line) => money(line.lineTotalMinor),
            },
          ]}
        />
        <DefinitionList
          layout="totals"
          items={[
            { term: t('subtotal'), value: money(order.subtotalMinor) },
            { term: t('shipping'), value: money(order.shippingMinor) },
            order.taxMinor > 0 && {
              term: order.taxInclusive ? t('includedTax') : t('tax'),
              value: money(order.taxMinor),
            },
            order.depositMinor > 0 && { term: t('deposit'), value: money(order.depositMinor) },
            { term: t('total'), value: money(order.totalMinor), strong: true },
            order.refundedMinor > 0 && {
              term: t('refunded'),
              value: money(order.refundedMinor),
              tone: 'text-emerald-800',
            },
          ]}
        />
      </Section>

      {order.address && (
        <Section bare id="address-heading" title={t('shipTo')} headingClassName="text-lg font-bold">
          <AddressBlock address={order.address} className="mt-2 text-sm text-stone-700" />
        </Section>
      )}

      {order.returns.length > 0 && (
        <Section bare id="returns-heading" title={t('returns')} headingClassName="text-lg font-bold">
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
        </Section>
      )}
    </article>
  );
}
