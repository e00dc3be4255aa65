import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AdminOrder, AdminOrderEvent } from '@/lib/admin/orders/detail-queries';
import { minorToInput } from '@/lib/admin/orders/amount';
import { formatLabel } from '@/lib/catalog/format-label';
import type { Locale } from '@/lib/i18n/config';
import { recordFormats, RecordPage, RecordStatus, StatusBadge } from '@/components/admin/list-parts';
import { Timeline } from '@/components/ui/timeline';
import { TrackingNumber } from '@/components/ui/tracking-number';
import { AddressBlock } from '@/components/ui/address-block';
import { Section } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { DefinitionList } from '@/components/ui/definition-list';
import {
  CancelOrderForm,
  DeliverOrderForm,
  OrderNoteForm,
  RefundOrderForm,
  ResolveOrderForms,
  RetryRefundsForm,
  ShipOrderForm,
} from './order-actions';
import { OrderLinesTable } from './order-lines-table';

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** One order for staff: actions, lines, money, shipping, returns, customer and the full timeline. */
export async function AdminOrderView({ order, locale }: { order: AdminOrder; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'admin.orders' });
  const { money, date } = recordFormats(locale, order.currency);
  const when = (value: string) => (
    <time dateTime={value} className="whitespace-nowrap">
      {date.format(new Date(value))}
    </time>
  );
  const hasActions = order.can.ship || order.can.deliver || order.can.cancel || order.can.refund || order.can.resolve;
  const packingSlip = (
    <Link
      href={`/admin/orders/${order.number}/packing-slip`}
      className="rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
    >
      {t('packingSlip.open')}
    </Link>
  );
  return (
    <RecordPage
      id="order-heading"
      back={{ href: '/admin/orders', label: t('back') }}
      title={t('orderNumber', { number: order.number })}
      actions={packingSlip}
      head={
        <RecordStatus
          label={t('columns.status')}
          badge={<StatusBadge status={order.status} label={t(`status.${order.status}`)} />}
        >
          <span>{t('placedOn', { date: date.format(new Date(order.createdAt)) })}</span>
        </RecordStatus>
      }
    >
      {order.status === 'needs_review' && order.reviewReason && (
        <p role="note" className="rounded-xl border border-brand-100 bg-brand-50 p-4 text-sm">
          <span className="font-semibold">{t('resolve.reason')}</span> {order.reviewReason}
        </p>
      )}

      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <Section id="lines-heading" title={t('lines.title')}>
            <OrderLinesTable
              lines={order.lines}
              minWidth="min-w-[36rem]"
              locale={locale}
              details={(line) => [
                formatLabel(line.format, locale),
                line.editionName,
                line.kind === 'rental' ? t('lines.rental') : null,
                line.rentalPeriodDays !== null
                  ? t('lines.rentalTerms', {
                      days: line.rentalPeriodDays,
                      deposit: money(line.rentalDepositMinor ?? 0),
                    })
                  : null,
                line.digital ? t('lines.digital') : null,
              ]}
              barcode={(line) => line.barcode}
              unitPrice={(line) => money(line.unitPriceMinor)}
              total={(line) => money(line.lineTotalMinor)}
            />
            <DefinitionList
              layout="totals"
              items={[
                { term: t('totals.subtotal'), value: money(order.subtotalMinor) },
                { term: t('totals.shipping'), value: money(order.shippingMinor) },
                { term: order.taxInclusive ? t('totals.includedTax') : t('totals.tax'), value: money(order.taxMinor) },
                ...(order.depositMinor > 0 ? [{ term: t('totals.deposit'), value: money(order.depositMinor) }] : []),
                { term: t('totals.total'), value: money(order.totalMinor), strong: true },
                { term: t('totals.refunded'), value: money(order.refundedMinor) },
                { term: t('totals.refundable'), value: money(order.refundableMinor) },
              ]}
            />
          </Section>

          {hasActions && (
            <Section id="actions-heading" title={t('actions')} bare className="space-y-4">
              <div className="grid gap-4 lg:grid-cols-2">
                {order.can.ship && <ShipOrderForm orderId={order.id} />}
                {order.can.deliver && <DeliverOrderForm orderId={order.id} />}
                {order.can.refund && (
                  <RefundOrderForm
                    orderId={order.id}
                    currency={order.currency}
                    refundableLabel={money(order.refundableMinor)}
                    defaultAmount=""
                    fullRefundHint={order.status === 'paid' ? t('refund.paidHint') : t('refund.fullHint')}
                  />
                )}
                {order.can.cancel && (
                  <CancelOrderForm
                    orderId={order.id}
                    paid={order.status === 'paid'}
                    refundLabel={money(order.refundableMinor)}
                  />
                )}
                {order.can.resolve && (
                  <ResolveOrderForms
                    orderId={order.id}
                    canMarkPaid={order.can.markPaid}
                    canCancel={!order.can.retryRefunds}
                    currency={order.currency}
                    defaultAmount={minorToInput(order.refundableMinor, order.currency)}
                  />
                )}
              </div>
            </Section>
          )}

          <Section id="payment-heading" title={t('payment.title')}>
            <DefinitionList
              items={[
                { term: t('payment.provider'), value: t(`payment.providers.${order.payment.provider}`) },
                {
                  term: t('payment.reference'),
                  value: order.payment.intentRef ?? order.payment.ref ?? '—',
                  valueClassName: 'break-all font-mono text-xs',
                },
                {
                  term: t('payment.paidAt'),
                  value: order.payment.paidAt ? when(order.payment.paidAt) : t('payment.notPaid'),
                },
              ]}
            />
            <h3 className="mt-4 text-sm font-semibold">{t('refunds.title')}</h3>
            <DataTable
              variant="plain"
              minWidth="min-w-[32rem]"
              rows={order.refunds}
              rowKey={(refund) => refund.id}
              empty={t('refunds.empty')}
              columns={[
                { key: 'date', header: t('refunds.date'), cell: (refund) => when(refund.createdAt) },
                {
                  key: 'amount',
                  header: t('refunds.amount'),
                  align: 'right',
                  className: 'tabular-nums',
                  cell: (refund) => money(refund.amountMinor),
                },
                { key: 'reason', header: t('refunds.reason'), cell: (refund) => refundReason(refund.reason, t) },
                { key: 'by', header: t('refunds.by'), cell: (refund) => refund.actorName ?? '—' },
                {
                  key: 'state',
                  header: t('refunds.state'),
                  cell: (refund) =>
                    refund.providerRef ? (
                      <span className="break-all font-mono text-xs">{refund.providerRef}</span>
                    ) : (
                      <span className="font-medium text-brand-700">{t('refunds.pending')}</span>
                    ),
                },
              ]}
            />
            {order.can.retryRefunds && (
              <div className="mt-3">
                <p className="mb-2 text-sm text-stone-600">{t('refunds.pendingHint')}</p>
                <RetryRefundsForm orderId={order.id} />
              </div>
            )}
          </Section>

          <Section id="timeline-heading" title={t('timeline.title')}>
            <Timeline>
              {order.events.map((event) => (
                <li key={event.id} className={event.internal ? 'rounded-md bg-amber-50 p-2' : undefined}>
                  <p>
                    <span className="font-medium">{eventLabel(event, t)}</span>
                    {event.internal && (
                      <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-[11px] font-semibold uppercase text-amber-900">
                        {t('timeline.internal')}
                      </span>
                    )}
                  </p>
                  <p className="text-xs text-stone-500">
                    {when(event.createdAt)} · {event.actorName ?? t(`timeline.actors.${actorKey(event.actor)}`)}
                  </p>
                  <EventDetails event={event} t={t} money={money} />
                </li>
              ))}
            </Timeline>
            <div className="mt-4 border-t border-stone-100 pt-4">
              <OrderNoteForm orderId={order.id} />
            </div>
          </Section>
        </div>

        <aside className="space-y-6" aria-label={t('sidebar')}>
          <Section id="customer-heading" title={t('customer.title')}>
            <DefinitionList
              layout="stacked"
              items={[
                {
                  term: t('customer.name'),
                  value: order.customer.displayName ?? order.customer.username ?? order.address?.name ?? '—',
                },
                {
                  term: t('customer.email'),
                  value: order.email ? <a href={`mailto:${order.email}`}>{order.email}</a> : t('noEmail'),
                  valueClassName: 'break-all',
                },
                {
                  term: t('customer.account'),
                  value:
                    order.customer.userId !== null
                      ? t('customer.accountOf', { username: order.customer.username ?? String(order.customer.userId) })
                      : t('guest'),
                },
                {
                  term: t('customer.language'),
                  value: t(`customer.languages.${order.locale === 'zh' ? 'zh' : 'en'}`),
                },
              ]}
            />
            {(order.customer.userId !== null || order.email) && (
              <Link
                href={
                  order.customer.userId !== null
                    ? `/admin/orders?customer=${order.customer.userId}`
                    : `/admin/orders?q=${encodeURIComponent(order.email ?? '')}`
                }
                className="mt-3 inline-block text-sm text-brand-700 hover:underline"
              >
                {t('customer.orders', { count: order.customer.orderCount })}
              </Link>
            )}
          </Section>

          <Section id="shipping-heading" title={t('shipping.title')}>
            {order.address ? (
              <AddressBlock address={order.address} withPhone className="mt-3 text-sm leading-relaxed" />
            ) : (
              <p className="mt-3 text-sm text-stone-600">{t('shipping.noAddress')}</p>
            )}
            {order.shippingMethod && (
              <p className="mt-2 text-sm text-stone-600">{t('shipping.method', { method: order.shippingMethod })}</p>
            )}
            {order.shipments.map((shipment) => (
              <div key={shipment.id} className="mt-3 border-t border-stone-100 pt-3 text-sm">
                <p>{t('shipping.shippedWith', { carrier: shipment.carrier })}</p>
                <p>
                  {t('shipping.tracking')}:{' '}
                  <TrackingNumber number={shipment.trackingNumber} url={shipment.trackingUrl} className="font-mono" />
                </p>
                <p className="text-stone-600">
                  {t('shipping.shippedAt')} {when(shipment.shippedAt)}
                </p>
                {shipment.deliveredAt && (
                  <p className="text-stone-600">
                    {t('shipping.deliveredAt')} {when(shipment.deliveredAt)}
                  </p>
                )}
              </div>
            ))}
          </Section>

          <Section id="returns-heading" title={t('returns.title')}>
            {order.returns.length === 0 ? (
              <p className="mt-3 text-sm text-stone-600">{t('returns.empty')}</p>
            ) : (
              <ul className="mt-3 space-y-2 text-sm">
                {order.returns.map((ret) => (
                  <li key={ret.id} className="flex flex-wrap items-center gap-2">
                    <Link href={`/admin/returns/${ret.id}`} className="font-medium text-brand-700 hover:underline">
                      {t('returns.number', { id: ret.id })}
                    </Link>
                    <StatusBadge status={ret.status} label={t(`returnStatus.${ret.status}`)} />
                    <span className="text-stone-500">{when(ret.createdAt)}</span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </aside>
      </div>
    </RecordPage>
  );
}

const KNOWN_ACTORS = ['admin', 'customer', 'system', 'provider'];
const actorKey = (actor: string) => (KNOWN_ACTORS.includes(actor) ? actor : 'system');

function eventLabel(event: AdminOrderEvent, t: Translator): string {
  const key = `events.${event.type}`;
  return t.has(key) ? t(key) : event.type;
}

function refundReason(reason: string | null, t: Translator): string {
  if (!reason) return '—';
  const returnId = /^return:(\d+)$/.exec(reason)?.[1];
  if (returnId) return t('refunds.forReturn', { id: returnId });
  const rentalId = /^rental:(\d+)(?::(?:keep|lost))?$/.exec(reason)?.[1];
  if (rentalId) return t('refunds.forRental', { id: rentalId });
  if (['customer', 'admin', 'review'].includes(reason)) return t(`refunds.reasons.${reason}`);
  return reason;
}

/** The facts an event carries, in words (tracking number, amount, note text, review reason). */
function EventDetails({
  event,
  t,
  money,
}: {
  event: AdminOrderEvent;
  t: Translator;
  money: (minor: number) => string;
}) {
  const data = event.data ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const amount = typeof data.amountMinor === 'number' ? data.amountMinor : null;
  const lines: string[] = [];
  if (event.type === 'shipped' && text(data.carrier)) {
    lines.push(t('timeline.shipped', { carrier: text(data.carrier)!, tracking: text(data.trackingNumber) ?? '' }));
  }
  if ((event.type === 'refunded' || event.type === 'refund_failed') && amount !== null) {
    lines.push(t('timeline.amount', { amount: money(amount) }));
  }
  if (event.type === 'refund_failed' && text(data.message)) lines.push(text(data.message)!);
  if (text(data.reason)) lines.push(t('timeline.reason', { reason: text(data.reason)! }));
  const returnId = typeof data.returnId === 'number' ? data.returnId : null;
  const body = text(data.text) ?? text(data.message);
  return (
    <>
      {returnId !== null && (
        <p>
          <Link href={`/admin/returns/${returnId}`} className="text-brand-700 hover:underline">
            {t('returns.number', { id: returnId })}
          </Link>
        </p>
      )}
      {lines.map((line, index) => (
        <p key={index} className="text-stone-700">
          {line}
        </p>
      ))}
      {body && event.type !== 'refund_failed' && (
        <p className="mt-1 whitespace-pre-wrap break-words text-stone-800">{body}</p>
      )}
    </>
  );
}
