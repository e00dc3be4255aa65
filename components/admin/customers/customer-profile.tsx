import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { CustomerDetail } from '@/lib/admin/customers/queries';
import { type Locale, LOCALE_TAGS } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';
import { CustomerRoleBadge, CustomerStatusBadge } from './customer-list';

const card = 'rounded-xl border border-stone-200 bg-white p-4';

/** The read-only part of a customer's page: who they are and what they bought. */
export function CustomerProfile({ customer, isSelf }: { customer: CustomerDetail; isSelf: boolean }) {
  const t = useTranslations('admin.customers');
  const languages = useTranslations('account.languages');
  const format = useFormatter();
  const locale = useLocale() as Locale;
  const tag = LOCALE_TAGS[locale] ?? 'en-US';
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short' });
  const signIn = [
    ...(customer.hasPassword ? [t('password')] : []),
    ...customer.oauthProviders.map((provider) => provider.charAt(0).toUpperCase() + provider.slice(1)),
  ];
  const stats = [
    {
      label: t('lifetimeValue'),
      value: formatMoney(customer.lifetimeValueMinor, customer.currency, tag),
      hint: t('lifetimeValueHint'),
    },
    { label: t('paidOrders'), value: format.number(customer.paidOrders) },
    { label: t('allOrders'), value: format.number(customer.orderCount) },
    { label: t('addresses'), value: format.number(customer.addresses) },
    { label: t('reviews'), value: format.number(customer.reviews) },
  ];
  return (
    <>
      <header>
        <h1 id="customer-name" className="text-2xl font-black tracking-tight break-words">
          {customer.username}
        </h1>
        <div className="mt-2 flex flex-wrap gap-2">
          <CustomerRoleBadge role={customer.role} />
          <CustomerStatusBadge status={customer.status} />
          {isSelf && <span className="text-xs font-semibold text-stone-500">{t('you')}</span>}
        </div>
      </header>

      <section aria-labelledby="customer-summary">
        <h2 id="customer-summary" className="sr-only">
          {t('summary')}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {stats.map((stat) => (
            <div key={stat.label} className={card}>
              <dt className="text-xs font-semibold uppercase tracking-wide text-stone-500">{stat.label}</dt>
              <dd className="mt-1 text-xl font-black tabular-nums">{stat.value}</dd>
              {stat.hint && <dd className="mt-1 text-xs text-stone-500">{stat.hint}</dd>}
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="customer-profile" className={card}>
        <h2 id="customer-profile" className="text-base font-bold">
          {t('profile')}
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-stone-500">{t('username')}</dt>
          <dd className="break-words">{customer.username}</dd>
          <dt className="text-stone-500">{t('displayName')}</dt>
          <dd className="break-words">{customer.displayName ?? t('notSet')}</dd>
          <dt className="text-stone-500">{t('email')}</dt>
          <dd className="break-words">{customer.email ?? t('noEmail')}</dd>
          <dt className="text-stone-500">{t('language')}</dt>
          <dd>
            {customer.preferredLocale && languages.has(customer.preferredLocale)
              ? languages(customer.preferredLocale)
              : t('notSet')}
          </dd>
          <dt className="text-stone-500">{t('signIn')}</dt>
          <dd>{signIn.length ? signIn.join(', ') : t('noSignIn')}</dd>
          <dt className="text-stone-500">{t('activeSessions')}</dt>
          <dd className="tabular-nums">{format.number(customer.activeSessions)}</dd>
          <dt className="text-stone-500">{t('joined')}</dt>
          <dd>{date(customer.createdAt)}</dd>
          <dt className="text-stone-500">{t('updated')}</dt>
          <dd>{date(customer.updatedAt)}</dd>
          {customer.disabledAt && (
            <>
              <dt className="text-stone-500">{t('disabledSince')}</dt>
              <dd>{date(customer.disabledAt)}</dd>
            </>
          )}
        </dl>
        <p className="mt-3 text-sm">
          <Link href={`/admin/audit?entity=user&entityId=${customer.id}`} className="text-brand-700 hover:underline">
            {t('history')}
          </Link>
        </p>
      </section>
    </>
  );
}

/** The account's newest orders, linked to their pages in the back office. */
export function CustomerOrders({ customer }: { customer: CustomerDetail }) {
  const t = useTranslations('admin.customers');
  const statuses = useTranslations('admin.dashboard.orderStatus');
  const format = useFormatter();
  const locale = useLocale() as Locale;
  const tag = LOCALE_TAGS[locale] ?? 'en-US';
  const date = (value: Date) => format.dateTime(value, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section aria-labelledby="customer-orders" className={card}>
      <h2 id="customer-orders" className="text-base font-bold">
        {t('orders')}
      </h2>
      {customer.orders.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t('ordersEmpty')}</p>
      ) : (
        <>
          <div className="mt-2 overflow-x-auto">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
                <tr>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {t('orderColumns.number')}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {t('orderColumns.date')}
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    {t('orderColumns.status')}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    {t('orderColumns.total')}
                  </th>
                  <th scope="col" className="py-2 pr-3 text-right font-medium">
                    {t('orderColumns.refunded')}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {customer.orders.map((order) => (
                  <tr key={order.number}>
                    <th scope="row" className="py-2 pr-3 font-normal">
                      <Link
                        href={`/admin/orders/${encodeURIComponent(order.number)}`}
                        prefetch={false}
                        className="whitespace-nowrap font-medium text-brand-700 hover:underline"
                      >
                        {order.number}
                      </Link>
                    </th>
                    <td className="whitespace-nowrap py-2 pr-3 text-stone-600">{date(order.createdAt)}</td>
                    <td className="py-2 pr-3">{statuses.has(order.status) ? statuses(order.status) : order.status}</td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {formatMoney(order.totalMinor, order.currency, tag)}
                    </td>
                    <td className="py-2 pr-3 text-right tabular-nums">
                      {order.refundedMinor > 0 ? formatMoney(order.refundedMinor, order.currency, tag) : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {customer.orderCount > customer.orders.length && (
            <p className="mt-2 text-xs text-stone-500">
              {t('ordersShown', { shown: customer.orders.length, total: customer.orderCount })}
            </p>
          )}
        </>
      )}
    </section>
  );
}
