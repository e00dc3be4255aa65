import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import { ChoiceFilter, FilterBar, SearchField } from '@/components/admin/list-parts';
import { type Column, DataTable } from '@/components/ui/data-table';
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
  const roles = CUSTOMER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const statuses = CUSTOMER_STATUSES.map((status) => ({ value: status, label: t(`statuses.${status}`) }));
  return (
    <FilterBar action="/admin/customers" submit={t('filter')} clear={filtered && t('clear')}>
      <SearchField
        label={t('search')}
        hint={t('searchHint')}
        value={filters.q}
        maxLength={100}
        className="w-full sm:w-72"
      />
      <ChoiceFilter label={t('role')} any={t('anyRole')} name="role" value={filters.role} choices={roles} />
      <ChoiceFilter label={t('status')} any={t('anyStatus')} name="status" value={filters.status} choices={statuses} />
    </FilterBar>
  );
}

export function CustomerTable({ items, currency }: { items: CustomerListItem[]; currency: string }) {
  const t = useTranslations('admin.customers');
  const format = useFormatter();
  const locale = useLocale() as Locale;
  const columns: Column<CustomerListItem>[] = [
    {
      key: 'account',
      header: t('columns.account'),
      rowHeader: true,
      className: 'font-normal',
      cell: (customer) => (
        <>
          <Link href={`/admin/customers/${customer.id}`} className="font-medium text-brand-700 hover:underline">
            {customer.username}
          </Link>
          {customer.displayName && <span className="block text-xs text-stone-500">{customer.displayName}</span>}
        </>
      ),
    },
    {
      key: 'email',
      header: t('columns.email'),
      className: 'max-w-56 truncate',
      cell: (customer) => customer.email ?? t('noEmail'),
    },
    { key: 'role', header: t('columns.role'), cell: (customer) => <CustomerRoleBadge role={customer.role} /> },
    {
      key: 'status',
      header: t('columns.status'),
      cell: (customer) => <CustomerStatusBadge status={customer.status} />,
    },
    {
      key: 'orders',
      header: t('columns.orders'),
      align: 'right',
      className: 'tabular-nums',
      cell: (customer) => format.number(customer.orders),
    },
    {
      key: 'lifetimeValue',
      header: t('columns.lifetimeValue'),
      align: 'right',
      className: 'tabular-nums',
      cell: (customer) => formatMoney(customer.lifetimeValueMinor, currency, LOCALE_TAGS[locale] ?? 'en-US'),
    },
    {
      key: 'joined',
      header: t('columns.joined'),
      className: 'whitespace-nowrap text-stone-600',
      cell: (customer) => format.dateTime(customer.createdAt, { dateStyle: 'medium' }),
    },
  ];
  return <DataTable variant="plain" minWidth="" columns={columns} rows={items} rowKey={(customer) => customer.id} />;
}
