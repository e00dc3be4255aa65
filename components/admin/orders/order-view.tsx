import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { AdminOrder, AdminOrderEvent } from '@/lib/admin/orders/queries';
import { minorToInput } from '@/lib/admin/orders/amount';
import { formatLabel } from '@/lib/catalog/format-label';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';
import { StatusBadge } from '@/components/admin/list-parts';
import {
  CancelOrderForm,
  DeliverOrderForm,
  OrderNoteForm,
  RefundOrderForm,
  ResolveOrderForms,
  RetryRefundsForm,
  ShipOrderForm,
} from './order-actions';

type Translator = Awaited<ReturnType<typeof getTranslations>>;

const card = 'rounded-xl border border-stone-200 bg-white p-4';

/** One order for staff: actions, lines, money, shipping, returns, customer and the full timeline. */
export async function AdminOrderView({ order, locale }: { order: AdminOrder; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'admin.orders' });
  const tag = LOCALE_TAGS[locale];
  const money = (minor: number) => formatMoney(minor, order.currency, tag);
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (value: string) => (
    <time dateTime={value} className="whitespace-nowrap">
      {date.format(new Date(value))}
    </time>
  );
  const hasActions = order.can.ship || order.can.deliver || order.can.cancel || order.can.refund || order.can.resolve;
  return (
    <article aria-labelledby="order-heading" className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <Link href="/admin/orders" className="text-sm text-brand-700 hover:underline">
            ← {t('back')}
          </Link>
          <h1 id="order-heading" className="mt-1 text-2xl font-black tracking-tight">
            {t('orderNumber', { number: order.number })}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
            <span className="sr-only">{t('columns.status')}: </span>
            <StatusBadge status={order.status} label={t(`status.${order.status}`)} />
            <span>{t('placedOn', { date: date.format(new Date(order.createdAt)) })}</span>
          </p>
        </div>
        <Link
          href={`/admin/orders/${order.number}/packing-slip`}
          className="rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
        >
          {t('packingSlip.open')}
        </Link>
      </header>

      {order.status === 'needs_review' && order.reviewReason && (
        <p role="note" className="rounded-xl border border-brand-100 bg-brand-50 p-4 text-sm">
          <span className="font-semibold">{t('resolve.reason')}</span> {order.reviewReason}
        </p>
      )}

      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="lines-heading" className={card}>
            <h2 id="lines-heading" className="font-bold">
              {t('lines.title')}
            </h2>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[36rem] text-left text-sm">
                <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
                  <tr>
                    <th scope="col" className="py-2 pr-3">
                      {t('lines.item')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {t('lines.sku')}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {t('lines.quantity')}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {t('lines.unitPrice')}
                    </th>
                    <th scope="col" className="py-2 text-right">
                      {t('lines.total')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {order.lines.map((line) => (
                    <tr key={line.id}>
                      <td className="py-2 pr-3">
                        <span className="font-medium">{line.title}</span>
                        <span className="block text-xs text-stone-500">
                          {[
                            formatLabel(line.format, locale),
                            line.editionName,
                            line.kind === 'rental' ? t('lines.rental') : null,
                            line.digital ? t('lines.digital') : null,
                          ]
                            .filter(Boolean)
                            .join(' · ')}
                        </span>
                      </td>
                      <td className="py-2 pr-3 font-mono text-xs">
                        {line.editionId ? (
                          <Link href={`/admin/stock/${line.editionId}`} className="text-brand-700 hover:underline">
                            {line.sku ?? line.editionId}
                          </Link>
                        ) : (
                          '—'
                        )}
                        {line.barcode && <span className="block text-stone-500">{line.barcode}</span>}
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{line.quantity}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{money(line.unitPriceMinor)}</td>
                      <td className="py-2 text-right tabular-nums">{money(line.lineTotalMinor)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <dl className="ml-auto mt-3 grid max-w-xs grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-600">{t('totals.subtotal')}</dt>
              <dd className="text-right tabular-nums">{money(order.subtotalMinor)}</dd>
              <dt className="text-stone-600">{t('totals.shipping')}</dt>
              <dd className="text-right tabular-nums">{money(order.shippingMinor)}</dd>
              <dt className="text-stone-600">{order.taxInclusive ? t('totals.includedTax') : t('totals.tax')}</dt>
              <dd className="text-right tabular-nums">{money(order.taxMinor)}</dd>
              <dt className="font-semibold">{t('totals.total')}</dt>
              <dd className="text-right font-semibold tabular-nums">{money(order.totalMinor)}</dd>
              <dt className="text-stone-600">{t('totals.refunded')}</dt>
              <dd className="text-right tabular-nums">{money(order.refundedMinor)}</dd>
              <dt className="text-stone-600">{t('totals.refundable')}</dt>
              <dd className="text-right tabular-nums">{money(order.refundableMinor)}</dd>
            </dl>
          </section>

          {hasActions && (
            <section aria-labelledby="actions-heading" className="space-y-4">
              <h2 id="actions-heading" className="font-bold">
                {t('actions')}
              </h2>
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
            </section>
          )}

          <section aria-labelledby="payment-heading" className={card}>
            <h2 id="payment-heading" className="font-bold">
              {t('payment.title')}
            </h2>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-600">{t('payment.provider')}</dt>
              <dd>{t(`payment.providers.${order.payment.provider}`)}</dd>
              <dt className="text-stone-600">{t('payment.reference')}</dt>
              <dd className="break-all font-mono text-xs">{order.payment.intentRef ?? order.payment.ref ?? '—'}</dd>
              <dt className="text-stone-600">{t('payment.paidAt')}</dt>
              <dd>{order.payment.paidAt ? when(order.payment.paidAt) : t('payment.notPaid')}</dd>
            </dl>
            <h3 className="mt-4 text-sm font-semibold">{t('refunds.title')}</h3>
            {order.refunds.length === 0 ? (
              <p className="mt-1 text-sm text-stone-600">{t('refunds.empty')}</p>
            ) : (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full min-w-[32rem] text-left text-sm">
                  <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
                    <tr>
                      <th scope="col" className="py-2 pr-3">
                        {t('refunds.date')}
                      </th>
                      <th scope="col" className="py-2 pr-3 text-right">
                        {t('refunds.amount')}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t('refunds.reason')}
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        {t('refunds.by')}
                      </th>
                      <th scope="col" className="py-2">
                        {t('refunds.state')}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100">
                    {order.refunds.map((refund) => (
                      <tr key={refund.id}>
                        <td className="py-2 pr-3">{when(refund.createdAt)}</td>
                        <td className="py-2 pr-3 text-right tabular-nums">{money(refund.amountMinor)}</td>
                        <td className="py-2 pr-3">{refundReason(refund.reason, t)}</td>
                        <td className="py-2 pr-3">{refund.actorName ?? '—'}</td>
                        <td className="py-2">
                          {refund.providerRef ? (
                            <span className="break-all font-mono text-xs">{refund.providerRef}</span>
                          ) : (
                            <span className="font-medium text-brand-700">{t('refunds.pending')}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {order.can.retryRefunds && (
              <div className="mt-3">
                <p className="mb-2 text-sm text-stone-600">{t('refunds.pendingHint')}</p>
                <RetryRefundsForm orderId={order.id} />
              </div>
            )}
          </section>

          <section aria-labelledby="timeline-heading" className={card}>
            <h2 id="timeline-heading" className="font-bold">
              {t('timeline.title')}
            </h2>
            <ol className="mt-3 space-y-3 border-l-2 border-stone-200 pl-4 text-sm">
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
            </ol>
            <div className="mt-4 border-t border-stone-100 pt-4">
              <OrderNoteForm orderId={order.id} />
            </div>
          </section>
        </div>

        <aside className="space-y-6" aria-label={t('sidebar')}>
          <section aria-labelledby="customer-heading" className={card}>
            <h2 id="customer-heading" className="font-bold">
              {t('customer.title')}
            </h2>
            <dl className="mt-3 space-y-2 text-sm">
              <div>
                <dt className="text-stone-600">{t('customer.name')}</dt>
                <dd>{order.customer.displayName ?? order.customer.username ?? order.address?.name ?? '—'}</dd>
              </div>
              <div>
                <dt className="text-stone-600">{t('customer.email')}</dt>
                <dd className="break-all">
                  {order.email ? <a href={`mailto:${order.email}`}>{order.email}</a> : t('noEmail')}
                </dd>
              </div>
              <div>
                <dt className="text-stone-600">{t('customer.account')}</dt>
                <dd>
                  {order.customer.userId !== null
                    ? t('customer.accountOf', { username: order.customer.username ?? String(order.customer.userId) })
                    : t('guest')}
                </dd>
              </div>
              <div>
                <dt className="text-stone-600">{t('customer.language')}</dt>
                <dd>{t(`customer.languages.${order.locale === 'zh' ? 'zh' : 'en'}`)}</dd>
              </div>
            </dl>
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
          </section>

          <section aria-labelledby="shipping-heading" className={card}>
            <h2 id="shipping-heading" className="font-bold">
              {t('shipping.title')}
            </h2>
            {order.address ? (
              <address className="mt-3 text-sm not-italic leading-relaxed">
                {[
                  order.address.name,
                  order.address.line1,
                  order.address.line2,
                  [order.address.postalCode, order.address.city].filter(Boolean).join(' '),
                  order.address.region,
                  order.address.country,
                ]
                  .filter(Boolean)
                  .map((line, index) => (
                    <span key={index} className="block">
                      {line}
                    </span>
                  ))}
                {order.address.phone && <span className="mt-1 block text-stone-600">{order.address.phone}</span>}
              </address>
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
                  {shipment.trackingUrl ? (
                    <a
                      href={shipment.trackingUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className="font-mono text-brand-700 underline"
                    >
                      {shipment.trackingNumber}
                    </a>
                  ) : (
                    <span className="font-mono">{shipment.trackingNumber}</span>
                  )}
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
          </section>

          <section aria-labelledby="returns-heading" className={card}>
            <h2 id="returns-heading" className="font-bold">
              {t('returns.title')}
            </h2>
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
          </section>
        </aside>
      </div>
    </article>
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
