import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { Field, SelectField } from '@/components/ui/field';
import { Badge } from '@/components/ui/badge';
import type { CustomerListItem, CustomerStatus } from '@/lib/admin/customers/queries';
import { CUSTOMER_ROLES, CUSTOMER_STATUSES, type CustomerFilters } from '@/lib/admin/customers/validation';
import { type Locale, LOCALE_TAGS } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';

const STATUS_TONE: Record<CustomerStatus, 'success' | 'brand' | 'muted'> = {
  active: 'success',
  disabled: 'brand',
  deleted: 'muted',
};

export function CustomerStatusBadge({ status }: { status: CustomerStatus }) {
  const t = useTranslations('admin.customers.statuses');
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}

export function CustomerRoleBadge({ role }: { role: 'customer' | 'admin' }) {
  const t = useTranslations('admin.customers.roles');
  return <Badge tone={role === 'admin' ? 'info' : 'muted'}>{t(role)}</Badge>;
}

/** Search and filters of the customer list: a GET form, so they live in the URL. */
export function CustomerFilterForm({ filters, filtered }: { filters: CustomerFilters; filtered: boolean }) {
  const t = useTranslations('admin.customers');
  return (
    <form role="search" action="/admin/customers" method="get" className="mt-4 flex flex-wrap items-end gap-3">
      <Field
        label={t('search')}
        hint={t('searchHint')}
        name="q"
        type="search"
        defaultValue={filters.q}
        maxLength={100}
        className="w-full sm:w-72"
      />
      <SelectField label={t('role')} name="role" defaultValue={filters.role ?? ''} className="w-36">
        <option value="">{t('anyRole')}</option>
        {CUSTOMER_ROLES.map((role) => (
          <option key={role} value={role}>
            {t(`roles.${role}`)}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('status')} name="status" defaultValue={filters.status ?? ''} className="w-36">
        <option value="">{t('anyStatus')}</option>
        {CUSTOMER_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`statuses.${status}`)}
          </option>
        ))}
      </SelectField>
      <button
        type="submit"
        className="rounded-full bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700"
      >
        {t('filter')}
      </button>
      {filtered && (
        <Link href="/admin/customers" className="py-2 text-sm text-brand-700 hover:underline">
          {t('clear')}
        </Link>
      )}
    </form>
  );
}

export function CustomerTable({ items, currency }: { items: CustomerListItem[]; currency: string }) {
  const t = useTranslations('admin.customers');
  const format = useFormatter();
  const locale = useLocale() as Locale;
  const th = 'py-2 pr-3 font-medium';
  return (
    <div className="mt-3 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-stone-200 text-xs uppercase text-stone-500">
          <tr>
            <th scope="col" className={th}>
              {t('columns.account')}
            </th>
            <th scope="col" className={th}>
              {t('columns.email')}
            </th>
            <th scope="col" className={th}>
              {t('columns.role')}
            </th>
            <th scope="col" className={th}>
              {t('columns.status')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('columns.orders')}
            </th>
            <th scope="col" className={`${th} text-right`}>
              {t('columns.lifetimeValue')}
            </th>
            <th scope="col" className={th}>
              {t('columns.joined')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {items.map((customer) => (
            <tr key={customer.id}>
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/admin/customers/${customer.id}`} className="font-medium text-brand-700 hover:underline">
                  {customer.username}
                </Link>
                {customer.displayName && <span className="block text-xs text-stone-500">{customer.displayName}</span>}
              </th>
              <td className="max-w-56 truncate py-2 pr-3">{customer.email ?? t('noEmail')}</td>
              <td className="py-2 pr-3">
                <CustomerRoleBadge role={customer.role} />
              </td>
              <td className="py-2 pr-3">
                <CustomerStatusBadge status={customer.status} />
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{format.number(customer.orders)}</td>
              <td className="py-2 pr-3 text-right tabular-nums">
                {formatMoney(customer.lifetimeValueMinor, currency, LOCALE_TAGS[locale] ?? 'en-US')}
              </td>
              <td className="whitespace-nowrap py-2 pr-3 text-stone-600">
                {format.dateTime(customer.createdAt, { dateStyle: 'medium' })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
