import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { AuditEntryList } from '@/components/admin/audit/audit-entry-list';
import { AuditFilterForm } from '@/components/admin/audit/audit-filter-form';
import { Pagination } from '@/components/store/pagination';
import { listAuditEntries, listAuditFilterOptions } from '@/lib/admin/audit-log/queries';
import { parseAuditFilters } from '@/lib/admin/audit-log/validation';
import { adminOrForbidden } from '@/lib/auth/guards';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.audit' });
  return { title: t('title') };
}

/** /admin/audit: every admin change, newest first, filtered by admin, entity, action and days (UTC). */
export default async function AdminAuditPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  // The layout checks too, but renders alongside this page: a visitor or customer must never reach the queries.
  await adminOrForbidden('/admin/audit');
  const { filters, errors, values } = parseAuditFilters(await searchParams);
  const t = await getTranslations({ locale, namespace: 'admin.audit' });
  const [result, options] = await Promise.all([listAuditEntries(filters), listAuditFilterOptions()]);
  const hrefFor = (page: number) => {
    const search = new URLSearchParams();
    if (filters.actor) search.set('actor', String(filters.actor));
    if (filters.entity) search.set('entity', filters.entity);
    if (filters.entityId) search.set('entityId', filters.entityId);
    if (filters.action) search.set('action', filters.action);
    if (filters.from) search.set('from', filters.from);
    if (filters.to) search.set('to', filters.to);
    if (page > 1) search.set('page', String(page));
    const text = search.toString();
    return text ? `/admin/audit?${text}` : '/admin/audit';
  };
  const filtered = Boolean(
    filters.actor || filters.entity || filters.entityId || filters.action || filters.from || filters.to,
  );
  return (
    <div>
      <h1 className="text-2xl font-black tracking-tight">{t('title')}</h1>
      <p className="mt-1 text-sm text-stone-600">{t('intro')}</p>
      <AuditFilterForm filters={filters} errors={errors} values={values} options={options} filtered={filtered} />
      {filters.entity && filters.entityId && (
        <p className="mt-3 text-sm text-stone-600">
          {t('entityFilter', { entity: filters.entity, id: filters.entityId })}
        </p>
      )}
      <p className="mt-4 text-sm text-stone-600" aria-live="polite">
        {t('count', { count: result.total })}
      </p>
      {result.items.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-stone-300 p-6 text-sm text-stone-600">
          {filtered ? t('empty') : t('emptyAll')}
        </p>
      ) : (
        <AuditEntryList entries={result.items} />
      )}
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} locale={locale} />
    </div>
  );
}
