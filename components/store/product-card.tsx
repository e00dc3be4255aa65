import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { ProductCard as Card } from '@/lib/catalog/types';
import type { Locale } from '@/lib/i18n/config';
import { Badge } from '@/components/ui/badge';
import { Cover } from './cover';
import { formatPrice } from './price';

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
  const titleId = `card-${product.slug}`;
  return (
    <article aria-labelledby={titleId} className="group relative flex flex-col">
      <Cover url={product.coverUrl} kind={product.kind} alt="" priority={priority} />
      <div className="mt-2 flex flex-1 flex-col gap-0.5">
        <h3 id={titleId} className="line-clamp-2 text-sm font-semibold leading-snug">
          <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0 hover:underline">
            {product.title}
          </Link>
        </h3>
        {product.originalTitle && (
          <p className="line-clamp-1 text-xs text-stone-500" lang="und">
            {product.originalTitle}
          </p>
        )}
        <p className="line-clamp-1 text-xs text-stone-600">
          {[product.credit, product.year].filter(Boolean).join(' · ')}
        </p>
        <div className="mt-auto flex flex-wrap items-center gap-1 pt-1">
          {product.fromPriceMinor !== null && (
            <span className="text-sm font-semibold">
              {t('fromPrice', { price: formatPrice(product.fromPriceMinor, locale) })}
            </span>
          )}
          {product.preorder && <Badge tone="brand">{t('badge.preorder')}</Badge>}
          {!product.inStock && !product.preorder && <Badge tone="muted">{t('badge.outOfStock')}</Badge>}
          {product.rentable && <Badge tone="info">{t('badge.rentable')}</Badge>}
        </div>
      </div>
    </article>
  );
}
