import type { Metadata } from 'next';
import { SubPage } from '@/components/admin/list-parts';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { ProductEditor } from '@/components/admin/catalog/product-editor';
import { getProductForEditor, listGenreOptions } from '@/lib/admin/catalog/queries';
import { requireAdmin } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(params: Props['params']) {
  const { id } = await params;
  const admin = await requireAdmin();
  const product = /^\d{1,9}$/.test(id) ? await getProductForEditor(admin, Number(id)) : null;
  if (!product) notFound();
  return { admin, product };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await resolveLocale(params);
  return { title: (await load(params)).product.title };
}

/** /admin/products/{id}: the product editor. */
export default async function EditProductPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { admin, product } = await load(params);
  const created = [(await searchParams).created].flat()[0] === '1';
  const t = await getTranslations({ locale, namespace: 'admin.catalog.editor' });
  const genres = await listGenreOptions(admin);
  return (
    <SubPage back={{ href: '/admin/products', label: t('backToList') }} title={product.title}>
      {product.originalTitle && <p className="text-stone-600">{product.originalTitle}</p>}
      <div className="mt-4">
        <ProductEditor
          key={product.id ?? 'new'}
          initial={product}
          genres={genres}
          currency={env.STORE_CURRENCY}
          locale={locale}
          notice={created ? 'created' : null}
        />
      </div>
    </SubPage>
  );
}
