import { useTranslations } from 'next-intl';
import { ChoiceFilter, FilterBar, SearchField } from '@/components/admin/list-parts';
import type { AdminProductFilters } from '@/lib/admin/catalog/validation';
import { EDITION_FORMATS, PRODUCT_KINDS } from '@/lib/catalog/formats';

/** Search and filters of the catalog list: a plain GET form, so the URL holds the view and Back works. */
export function ProductFilters({ filters }: { filters: AdminProductFilters }) {
  const t = useTranslations('admin.catalog.list');
  const tKind = useTranslations('common.kind');
  const tFormat = useTranslations('common.format');
  const tStatus = useTranslations('admin.catalog.status');
  const choice = (name: 'kind' | 'status' | 'format', values: readonly string[], label: (value: string) => string) => (
    <ChoiceFilter
      id={`catalog-${name}`}
      label={t(name)}
      name={name}
      value={filters[name]}
      any={t('any')}
      choices={values.map((value) => ({ value, label: label(value) }))}
    />
  );
  return (
    <FilterBar
      action="/admin/products"
      submit={t('filter')}
      className="mt-4 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto_auto] sm:items-end"
    >
      <SearchField id="catalog-q" label={t('search')} value={filters.q} placeholder={t('searchPlaceholder')} />
      {choice('kind', PRODUCT_KINDS, (kind) => tKind(kind))}
      {choice('status', ['active', 'draft', 'archived'], (status) => tStatus(status))}
      {choice('format', EDITION_FORMATS, (format) => tFormat(format))}
    </FilterBar>
  );
}
