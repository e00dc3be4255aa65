import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Section, StatList } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';
import { DefinitionList } from '@/components/ui/definition-list';
import type { CustomerDetail } from '@/lib/admin/customers/queries';
import { type Locale, LOCALE_TAGS } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';
import { CustomerRoleBadge, CustomerStatusBadge } from './customer-list';

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

      <Section id="customer-summary" title={t('summary')} bare headingClassName="sr-only">
        <StatList
          className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5"
          valueClassName="text-xl"
          stats={stats}
        />
      </Section>

      <Section id="customer-profile" title={t('profile')} headingClassName="text-base font-bold">
        <DefinitionList
          className="mt-2"
          items={[
            { term: t('username'), value: customer.username, valueClassName: 'break-words' },
            { term: t('displayName'), value: customer.displayName ?? t('notSet'), valueClassName: 'break-words' },
            { term: t('email'), value: customer.email ?? t('noEmail'), valueClassName: 'break-words' },
            {
              term: t('language'),
              value:
                customer.preferredLocale && languages.has(customer.preferredLocale)
                  ? languages(customer.preferredLocale)
                  : t('notSet'),
            },
            { term: t('signIn'), value: signIn.length ? signIn.join(', ') : t('noSignIn') },
            {
              term: t('activeSessions'),
              value: format.number(customer.activeSessions),
              valueClassName: 'tabular-nums',
            },
            { term: t('joined'), value: date(customer.createdAt) },
            { term: t('updated'), value: date(customer.updatedAt) },
            customer.disabledAt && { term: t('disabledSince'), value: date(customer.disabledAt) },
          ]}
        />
        <p className="mt-3 text-sm">
          <Link href={`/admin/audit?entity=user&entityId=${customer.id}`} className="text-brand-700 hover:underline">
            {t('history')}
          </Link>
        </p>
      </Section>
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
    <Section id="customer-orders" title={t('orders')} headingClassName="text-base font-bold">
      {customer.orders.length === 0 ? (
        <p className="mt-2 text-sm text-stone-600">{t('ordersEmpty')}</p>
      ) : (
        <>
          <DataTable
            variant="plain"
            minWidth=""
            wrapperClassName="mt-2 overflow-x-auto"
            rows={customer.orders}
            rowKey={(order) => order.number}
            columns={[
              {
                key: 'number',
                header: t('orderColumns.number'),
                rowHeader: true,
                className: 'font-normal',
                cell: (order) => (
                  <Link
                    href={`/admin/orders/${encodeURIComponent(order.number)}`}
                    prefetch={false}
                    className="whitespace-nowrap font-medium text-brand-700 hover:underline"
                  >
                    {order.number}
                  </Link>
                ),
              },
              {
                key: 'date',
                header: t('orderColumns.date'),
                className: 'whitespace-nowrap text-stone-600',
                cell: (order) => date(order.createdAt),
              },
              {
                key: 'status',
                header: t('orderColumns.status'),
                cell: (order) => (statuses.has(order.status) ? statuses(order.status) : order.status),
              },
              {
                key: 'total',
                header: t('orderColumns.total'),
                align: 'right',
                className: 'tabular-nums',
                cell: (order) => formatMoney(order.totalMinor, order.currency, tag),
              },
              {
                key: 'refunded',
                header: t('orderColumns.refunded'),
                align: 'right',
                className: 'tabular-nums',
                cell: (order) => (order.refundedMinor > 0 ? formatMoney(order.refundedMinor, order.currency, tag) : ''),
              },
            ]}
          />
          {customer.orderCount > customer.orders.length && (
            <p className="mt-2 text-xs text-stone-500">
              {t('ordersShown', { shown: customer.orders.length, total: customer.orderCount })}
            </p>
          )}
        </>
      )}
    </Section>
  );
}
