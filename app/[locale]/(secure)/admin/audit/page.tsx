import { getTranslations } from 'next-intl/server';
import { AuditEntryList } from '@/components/admin/audit/audit-entry-list';
import { AuditFilterForm } from '@/components/admin/audit/audit-filter-form';
import { ListResults, listHref } from '@/components/admin/list-parts';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/store/pagination';
import { listAuditEntries, listAuditFilterOptions } from '@/lib/admin/audit-log/queries';
import { parseAuditFilters } from '@/lib/admin/audit-log/validation';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.audit');

/** /admin/audit: every admin change, newest first, filtered by admin, entity, action and days (UTC). */
export default async function AdminAuditPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  // The layout checks too, but renders alongside this page: a visitor or customer must never reach the queries.
  await adminOrForbidden('/admin/audit');
  const { filters, errors, values } = parseAuditFilters(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.audit' });
  const [result, options] = await Promise.all([listAuditEntries(filters), listAuditFilterOptions()]);
  const hrefFor = (page: number) => listHref('/admin/audit', { ...filters, page });
  const filtered = Boolean(
    filters.actor || filters.entity || filters.entityId || filters.action || filters.from || filters.to,
  );
  return (
    <div>
      <PageHeader title={t('title')} intro={t('intro')} />
      <AuditFilterForm filters={filters} errors={errors} values={values} options={options} filtered={filtered} />
      {filters.entity && filters.entityId && (
        <p className="mt-3 text-sm text-stone-600">
          {t('entityFilter', { entity: filters.entity, id: filters.entityId })}
        </p>
      )}
      <ListResults
        count={t('count', { count: result.total })}
        empty={result.items.length === 0 && (filtered ? t('empty') : t('emptyAll'))}
      >
        <AuditEntryList entries={result.items} />
      </ListResults>
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} locale={locale} />
    </div>
  );
}
