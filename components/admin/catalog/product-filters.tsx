import { useTranslations } from 'next-intl';
import { FilterBar } from '@/components/admin/list-parts';
import { Field, SelectField } from '@/components/ui/field';
import type { AdminProductFilters } from '@/lib/admin/catalog/validation';
import { EDITION_FORMATS, PRODUCT_KINDS } from '@/lib/catalog/formats';

/** Search and filters of the catalog list: a plain GET form, so the URL holds the view and Back works. */
export function ProductFilters({ filters }: { filters: AdminProductFilters }) {
  const t = useTranslations('admin.catalog.list');
  const tKind = useTranslations('common.kind');
  const tFormat = useTranslations('common.format');
  const tStatus = useTranslations('admin.catalog.status');
  const choices = (values: readonly string[], label: (value: string) => string) => [
    { value: '', label: t('any') },
    ...values.map((value) => ({ value, label: label(value) })),
  ];
  return (
    <FilterBar
      action="/admin/products"
      submit={t('filter')}
      className="mt-4 grid gap-3 sm:grid-cols-[1fr_auto_auto_auto_auto] sm:items-end"
    >
      <Field
        id="catalog-q"
        label={t('search')}
        name="q"
        type="search"
        defaultValue={filters.q}
        placeholder={t('searchPlaceholder')}
      />
      <SelectField
        id="catalog-kind"
        label={t('kind')}
        name="kind"
        defaultValue={filters.kind ?? ''}
        options={choices(PRODUCT_KINDS, (kind) => tKind(kind))}
      />
      <SelectField
        id="catalog-status"
        label={t('status')}
        name="status"
        defaultValue={filters.status ?? ''}
        options={choices(['active', 'draft', 'archived'], (status) => tStatus(status))}
      />
      <SelectField
        id="catalog-format"
        label={t('format')}
        name="format"
        defaultValue={filters.format ?? ''}
        options={choices(EDITION_FORMATS, (format) => tFormat(format))}
      />
    </FilterBar>
  );
}
