import { SubPage } from '@/components/admin/list-parts';
import { getTranslations } from 'next-intl/server';
import { ImportPanel } from '@/components/admin/catalog/import-panel';
import { CSV_COLUMNS } from '@/lib/admin/catalog/csv-columns';
import { requireAdmin } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string }> };

export const generateMetadata = titleMetadata('admin.catalog.import');

/** /admin/products/import: CSV import with a dry run, and the export to start from. */
export default async function ImportProductsPage({ params }: Props) {
  const locale = await resolveLocale(params);
  await requireAdmin();
  const t = await getTranslations({ locale, namespace: 'admin.catalog.import' });
  return (
    <SubPage back={{ href: '/admin/products', label: t('back') }} title={t('title')}>
      <div className="mt-2 max-w-prose space-y-2 text-sm text-stone-700">
        <p>{t('intro')}</p>
        <p>{t('rules')}</p>
        <p>{t('currency', { currency: env.STORE_CURRENCY })}</p>
        <p>
          <a href="/api/admin/products/export.csv" download className="font-medium text-brand-700 underline">
            {t('downloadExport')}
          </a>
        </p>
      </div>
      <details className="mt-3 max-w-prose text-sm">
        <summary className="cursor-pointer font-medium">{t('columnsTitle')}</summary>
        <p className="mt-2 break-words font-mono text-xs text-stone-600">{CSV_COLUMNS.join(', ')}</p>
      </details>
      <div className="mt-6">
        <ImportPanel />
      </div>
    </SubPage>
  );
}
