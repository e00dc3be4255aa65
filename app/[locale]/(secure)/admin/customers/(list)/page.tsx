import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CustomerFilterForm, CustomerTable } from '@/components/admin/customers/customer-list';
import { ListHeader } from '@/components/admin/list-parts';
import { Pagination } from '@/components/store/pagination';
import { EmptyState } from '@/components/ui/card';
import { listCustomers } from '@/lib/admin/customers/queries';
import { customerFiltersSchema } from '@/lib/admin/customers/validation';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.customers' });
  return { title: t('title') };
}

/** /admin/customers: every account, searchable by username, name or email, filtered by role and status. */
export default async function AdminCustomersPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  // The layout checks too, but renders alongside this page: a visitor or customer must never reach the queries.
  await adminOrForbidden('/admin/customers');
  const filters = customerFiltersSchema.parse(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.customers' });
  const result = await listCustomers(filters);
  const query = (page: number) => {
    const search = new URLSearchParams();
    if (filters.q) search.set('q', filters.q);
    if (filters.role) search.set('role', filters.role);
    if (filters.status) search.set('status', filters.status);
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return text ? `/admin/customers?${text}` : '/admin/customers';
  };
  const filtered = Boolean(filters.q || filters.role || filters.status);
  return (
    <div>
      <ListHeader title={t('title')} intro={t('intro')} />
      <CustomerFilterForm filters={filters} filtered={filtered} />
      <p className="mt-4 text-sm text-stone-600" aria-live="polite">
        {t('count', { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <EmptyState className="mt-4">{t('empty')}</EmptyState>
      ) : (
        <CustomerTable items={result.items} currency={result.currency} />
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={query} locale={locale} />
    </div>
  );
}
