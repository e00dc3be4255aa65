import type { Metadata } from 'next';
import { SubPage } from '@/components/admin/list-parts';
import { getTranslations } from 'next-intl/server';
import { newProductData } from '@/components/admin/catalog/editor-state';
import { ProductEditor } from '@/components/admin/catalog/product-editor';
import { listGenreOptions } from '@/lib/admin/catalog/queries';
import { requireAdmin } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.catalog.editor' });
  return { title: t('newTitle') };
}

/** /admin/products/new: the editor for a new product (a draft until its status says otherwise). */
export default async function NewProductPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const admin = await requireAdmin();
  const t = await getTranslations({ locale, namespace: 'admin.catalog.editor' });
  const genres = await listGenreOptions(admin);
  return (
    <SubPage back={{ href: '/admin/products', label: t('backToList') }} title={t('newTitle')}>
      <div className="mt-4">
        <ProductEditor initial={newProductData()} genres={genres} currency={env.STORE_CURRENCY} locale={locale} />
      </div>
    </SubPage>
  );
}
