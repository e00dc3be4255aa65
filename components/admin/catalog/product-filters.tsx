import { useTranslations } from 'next-intl';
import type { AdminProductFilters } from '@/lib/admin/catalog/validation';
import { EDITION_FORMATS, PRODUCT_KINDS } from '@/lib/catalog/formats';

/** Search and filters of the catalog list: a plain GET form, so the URL holds the view and Back works. */
export function ProductFilters({ filters }: { filters: AdminProductFilters }) {
  const t = useTranslations('admin.catalog.list');
  const tKind = useTranslations('common.kind');
  const tFormat = useTranslations('common.format');
  const tStatus = useTranslations('admin.catalog.status');
  const select = 'mt-1 block w-full rounded-lg border border-stone-300 bg-white px-2 py-1.5 text-sm';
  return (
    <form
      role="search"
      action="/admin/products"
      className="grid gap-3 sm:grid-cols-[1fr_auto_auto_auto_auto] sm:items-end"
    >
      <div>
        <label htmlFor="catalog-q" className="block text-sm font-medium">
          {t('search')}
        </label>
        <input
          id="catalog-q"
          name="q"
          type="search"
          defaultValue={filters.q}
          placeholder={t('searchPlaceholder')}
          className="mt-1 block w-full rounded-lg border border-stone-300 px-3 py-1.5 text-sm"
        />
      </div>
      <div>
        <label htmlFor="catalog-kind" className="block text-sm font-medium">
          {t('kind')}
        </label>
        <select id="catalog-kind" name="kind" defaultValue={filters.kind ?? ''} className={select}>
          <option value="">{t('any')}</option>
          {PRODUCT_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {tKind(kind)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="catalog-status" className="block text-sm font-medium">
          {t('status')}
        </label>
        <select id="catalog-status" name="status" defaultValue={filters.status ?? ''} className={select}>
          <option value="">{t('any')}</option>
          {(['active', 'draft', 'archived'] as const).map((status) => (
            <option key={status} value={status}>
              {tStatus(status)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="catalog-format" className="block text-sm font-medium">
          {t('format')}
        </label>
        <select id="catalog-format" name="format" defaultValue={filters.format ?? ''} className={select}>
          <option value="">{t('any')}</option>
          {EDITION_FORMATS.map((format) => (
            <option key={format} value={format}>
              {tFormat(format)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-full bg-stone-900 px-4 py-2 text-sm font-semibold text-white">
        {t('filter')}
      </button>
    </form>
  );
}
