import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { minorToInput } from '@/lib/admin/orders/amount';
import type { AdminReturn } from '@/lib/admin/returns/queries';
import { formatLabel } from '@/lib/catalog/format-label';
import type { Locale } from '@/lib/i18n/config';
import { recordFormats, RecordPage, RecordStatus, StatusBadge } from '@/components/admin/list-parts';
import { Timeline } from '@/components/ui/timeline';
import { Section } from '@/components/ui/card';
import { DefinitionList } from '@/components/ui/definition-list';
import { OrderLinesTable } from './order-lines-table';
import { DecideReturnForms, ReceiveReturnForm, RetryReturnRefundForm } from './return-actions';

/** One return request for staff: what and why, its order, its steps, and the next decision. */
export async function AdminReturnView({ ret, locale }: { ret: AdminReturn; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'admin.returns' });
  const tOrders = await getTranslations({ locale, namespace: 'admin.orders' });
  const { money, date } = recordFormats(locale, ret.order.currency);
  return (
    <RecordPage
      id="return-heading"
      back={{ href: '/admin/returns', label: t('back') }}
      title={t('number', { id: ret.id })}
      head={
        <RecordStatus
          label={t('columns.status')}
          badge={<StatusBadge status={ret.status} label={t(`status.${ret.status}`)} />}
        >
          <span>{t('requestedOn', { date: date.format(new Date(ret.createdAt)) })}</span>
          <span>·</span>
          <Link href={`/admin/orders/${ret.order.number}`} className="text-brand-700 hover:underline">
            {tOrders('orderNumber', { number: ret.order.number })}
          </Link>
        </RecordStatus>
      }
    >
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0 space-y-6">
          <Section id="return-reason" title={t('reason')}>
            <p className="mt-2 whitespace-pre-wrap break-words text-sm">{ret.reason}</p>
          </Section>
          <Section id="return-lines" title={t('lines')}>
            <OrderLinesTable
              lines={ret.lines}
              minWidth="min-w-[30rem]"
              locale={locale}
              details={(line) => [formatLabel(line.format, locale), line.editionName]}
              total={(line) => money(line.unitPriceMinor * line.quantity)}
            />
          </Section>

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
          <Section id="return-order" title={t('order')}>
            <DefinitionList
              items={[
                { term: tOrders('columns.customer'), value: ret.order.customerName ?? '—' },
                {
                  term: tOrders('customer.email'),
                  value: ret.order.email ?? tOrders('noEmail'),
                  valueClassName: 'break-all',
                },
                { term: tOrders('columns.status'), value: tOrders(`status.${ret.order.status}`) },
                { term: tOrders('totals.total'), value: money(ret.order.totalMinor), valueClassName: 'tabular-nums' },
                {
                  term: tOrders('totals.refunded'),
                  value: money(ret.order.refundedMinor),
                  valueClassName: 'tabular-nums',
                },
              ]}
            />
          </Section>
          <Section id="return-steps" title={t('steps')}>
            {ret.events.length === 0 ? (
              <p className="mt-2 text-sm text-stone-600">{t('noSteps')}</p>
            ) : (
              <Timeline className="mt-3 space-y-2">
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
              </Timeline>
            )}
          </Section>
        </aside>
      </div>
    </RecordPage>
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
