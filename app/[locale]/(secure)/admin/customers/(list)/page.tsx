import { getTranslations } from 'next-intl/server';
import { CustomerFilterForm, CustomerTable } from '@/components/admin/customers/customer-list';
import { ListResults, listHref } from '@/components/admin/list-parts';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/store/pagination';
import { listCustomers } from '@/lib/admin/customers/queries';
import { customerFiltersSchema } from '@/lib/admin/customers/validation';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.customers');

/** /admin/customers: every account, searchable by username, name or email, filtered by role and status. */
export default async function AdminCustomersPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  // The layout checks too, but renders alongside this page: a visitor or customer must never reach the queries.
  await adminOrForbidden('/admin/customers');
  const filters = customerFiltersSchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.customers' });
  const result = await listCustomers(filters);
  const query = (page: number) => listHref('/admin/customers', { ...filters, page });
  const filtered = Boolean(filters.q || filters.role || filters.status);
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <CustomerFilterForm filters={filters} filtered={filtered} />
      <ListResults count={t('count', { count: result.total })} empty={result.items.length === 0 && t('empty')}>
        <CustomerTable items={result.items} currency={result.currency} />
      </ListResults>
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={query} locale={locale} />
    </div>
  );
}
