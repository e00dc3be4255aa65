import { getTranslations } from 'next-intl/server';
import type { ProductCard as Card } from '@/lib/catalog/types';
import type { Locale } from '@/lib/i18n/config';
import { formatPrice } from './price';
import { type ProductCardProps, ProductCardView } from './product-card-view';

/** One product in a grid or rail: cover, titles, lead credit, year, "from" price and availability. */
export async function ProductCard({
  product,
  locale,
  priority = false,
}: {
  product: Card;
  locale: Locale;
  priority?: boolean;
}) {
  const t = await getTranslations({ locale, namespace: 'product' });
  const badges: ProductCardProps['badges'] = [];
  if (product.preorder) badges.push({ tone: 'brand', text: t('badge.preorder') });
  if (!product.inStock && !product.preorder) badges.push({ tone: 'muted', text: t('badge.outOfStock') });
  if (product.rentable) badges.push({ tone: 'info', text: t('badge.rentable') });
  return (
    <ProductCardView
      slug={product.slug}
      title={product.title}
      originalTitle={product.originalTitle}
      kind={product.kind}
      coverUrl={product.coverUrl}
      meta={[product.credit, product.year].filter(Boolean).join(' · ')}
      price={
        product.fromPriceMinor === null ? null : t('fromPrice', { price: formatPrice(product.fromPriceMinor, locale) })
      }
      badges={badges}
      priority={priority}
    />
  );
}
