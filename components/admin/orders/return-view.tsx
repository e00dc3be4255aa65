import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { minorToInput } from '@/lib/admin/orders/amount';
import type { AdminReturn } from '@/lib/admin/returns/queries';
import { formatLabel } from '@/lib/catalog/format-label';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';
import { StatusBadge } from '@/components/admin/list-parts';
import { DecideReturnForms, ReceiveReturnForm, RetryReturnRefundForm } from './return-actions';

const card = 'rounded-xl border border-stone-200 bg-white p-4';

/** One return request for staff: what and why, its order, its steps, and the next decision. */
export async function AdminReturnView({ ret, locale }: { ret: AdminReturn; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'admin.returns' });
  const tOrders = await getTranslations({ locale, namespace: 'admin.orders' });
  const tag = LOCALE_TAGS[locale];
  const money = (minor: number) => formatMoney(minor, ret.order.currency, tag);
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <article aria-labelledby="return-heading" className="space-y-6">
      <header>
        <Link href="/admin/returns" className="text-sm text-brand-700 hover:underline">
          ← {t('back')}
        </Link>
        <h1 id="return-heading" className="mt-1 text-2xl font-black tracking-tight">
          {t('number', { id: ret.id })}
        </h1>
        <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
          <span className="sr-only">{t('columns.status')}: </span>
          <StatusBadge status={ret.status} label={t(`status.${ret.status}`)} />
          <span>{t('requestedOn', { date: date.format(new Date(ret.createdAt)) })}</span>
          <span>·</span>
          <Link href={`/admin/orders/${ret.order.number}`} className="text-brand-700 hover:underline">
            {tOrders('orderNumber', { number: ret.order.number })}
          </Link>
        </p>
      </header>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <section aria-labelledby="return-reason" className={card}>
            <h2 id="return-reason" className="font-bold">
              {t('reason')}
            </h2>
            <p className="mt-2 whitespace-pre-wrap break-words text-sm">{ret.reason}</p>
          </section>
          <section aria-labelledby="return-lines" className={card}>
            <h2 id="return-lines" className="font-bold">
              {t('lines')}
            </h2>
            <div className="mt-3 overflow-x-auto">
              <table className="w-full min-w-[30rem] text-left text-sm">
                <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
                  <tr>
                    <th scope="col" className="py-2 pr-3">
                      {tOrders('lines.item')}
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      {tOrders('lines.sku')}
                    </th>
                    <th scope="col" className="py-2 pr-3 text-right">
                      {tOrders('lines.quantity')}
                    </th>
                    <th scope="col" className="py-2 text-right">
                      {tOrders('lines.total')}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-stone-100">
                  {ret.lines.map((line) => (
                    <tr key={line.id}>
                      <td className="py-2 pr-3">
                        <span className="font-medium">{line.title}</span>
                        <span className="block text-xs text-stone-500">
                          {[formatLabel(line.format, locale), line.editionName].filter(Boolean).join(' · ')}
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
                      </td>
                      <td className="py-2 pr-3 text-right tabular-nums">{line.quantity}</td>
                      <td className="py-2 text-right tabular-nums">{money(line.unitPriceMinor * line.quantity)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>

          {ret.can.decide && <DecideReturnForms returnId={ret.id} />}
          {ret.can.receive && (
            <ReceiveReturnForm
              returnId={ret.id}
              lines={ret.lines.map((line) => ({
                id: line.id,
                title: line.title,
                format: formatLabel(line.format, locale),
                quantity: line.acceptable,
                digital: line.digital || line.editionId === null,
              }))}
              currency={ret.order.currency}
              defaultAmount={minorToInput(ret.suggestedRefundMinor, ret.order.currency)}
              refundableLabel={money(ret.order.refundableMinor)}
            />
          )}
          {ret.can.retryRefund && <RetryReturnRefundForm returnId={ret.id} />}
        </div>

        <aside className="space-y-6" aria-label={t('sidebar')}>
          <section aria-labelledby="return-order" className={card}>
            <h2 id="return-order" className="font-bold">
              {t('order')}
            </h2>
            <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
              <dt className="text-stone-600">{tOrders('columns.customer')}</dt>
              <dd>{ret.order.customerName ?? '—'}</dd>
              <dt className="text-stone-600">{tOrders('customer.email')}</dt>
              <dd className="break-all">{ret.order.email ?? tOrders('noEmail')}</dd>
              <dt className="text-stone-600">{tOrders('columns.status')}</dt>
              <dd>{tOrders(`status.${ret.order.status}`)}</dd>
              <dt className="text-stone-600">{tOrders('totals.total')}</dt>
              <dd className="tabular-nums">{money(ret.order.totalMinor)}</dd>
              <dt className="text-stone-600">{tOrders('totals.refunded')}</dt>
              <dd className="tabular-nums">{money(ret.order.refundedMinor)}</dd>
            </dl>
          </section>
          <section aria-labelledby="return-steps" className={card}>
            <h2 id="return-steps" className="font-bold">
              {t('steps')}
            </h2>
            {ret.events.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{t('noSteps')}</p>
            ) : (
              <ol className="mt-3 space-y-2 border-l-2 border-stone-200 pl-4 text-sm">
                {ret.events.map((event, index) => (
                  <li key={index}>
                    <p className="font-medium">
                      {tOrders.has(`events.${event.type}`) ? tOrders(`events.${event.type}`) : event.type}
                    </p>
                    <p className="text-xs text-stone-500">
                      <time dateTime={event.createdAt}>{date.format(new Date(event.createdAt))}</time>
                      {event.actorName ? ` · ${event.actorName}` : ''}
                    </p>
                    {event.type === 'return_received' && Array.isArray(event.data.restocked) && (
                      <p>{t('restocked', { count: restockedUnits(event.data.restocked) })}</p>
                    )}
                    {typeof event.data.amountMinor === 'number' && (
                      <p>{tOrders('timeline.amount', { amount: money(event.data.amountMinor) })}</p>
                    )}
                    {typeof event.data.message === 'string' && (
                      <p className="mt-1 whitespace-pre-wrap break-words">{event.data.message}</p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </aside>
      </div>
    </article>
  );
}

/** Units put back in stock by a receipt (its event lists `{ editionId, quantity }`). */
function restockedUnits(restocked: unknown[]): number {
  return restocked.reduce<number>(
    (sum, row) =>
      sum +
      (typeof (row as { quantity?: unknown })?.quantity === 'number' ? (row as { quantity: number }).quantity : 0),
    0,
  );
}
