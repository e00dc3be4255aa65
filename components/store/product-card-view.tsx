'use client';

import Link from 'next/link';
import type { ProductKind } from '@/lib/catalog/formats';
import { Badge } from '@/components/ui/badge';
import { Cover } from './cover';

export type ProductCardProps = {
  slug: string;
  title: string;
  originalTitle: string | null;
  kind: ProductKind;
  coverUrl: string | null;
  /** Lead credit and year, already joined ("Dario MacAllister · 2026"). */
  meta: string;
  /** "from $11.49", or null without a price. */
  price: string | null;
  badges: { tone: 'brand' | 'muted' | 'info'; text: string }[];
  priority?: boolean;
};

/**
 * The markup of a product card. A client component although it has no state: a page of cards then
 * carries each card's few props in its payload rather than its whole markup (a hundred cards on the
 * home page), which keeps catalog pages small and cheap to serve. Texts come translated.
 */
export function ProductCardView({
  slug,
  title,
  originalTitle,
  kind,
  coverUrl,
  meta,
  price,
  badges,
  priority = false,
}: ProductCardProps) {
  const titleId = `card-${slug}`;
  return (
    <article aria-labelledby={titleId} className="group relative flex flex-col">
      <Cover url={coverUrl} kind={kind} alt="" priority={priority} />
      <div className="mt-2 flex flex-1 flex-col gap-0.5">
        <h3 id={titleId} className="line-clamp-2 text-sm font-semibold leading-snug">
          <Link href={`/products/${slug}`} className="card-link">
            {title}
          </Link>
        </h3>
        {originalTitle && (
          <p className="line-clamp-1 text-xs text-stone-500" lang="und">
            {originalTitle}
          </p>
        )}
        <p className="line-clamp-1 text-xs text-stone-600">{meta}</p>
        <div className="mt-auto flex flex-wrap items-center gap-1 pt-1">
          {price && <span className="text-sm font-semibold">{price}</span>}
          {badges.map((badge) => (
            <Badge key={badge.text} tone={badge.tone}>
              {badge.text}
            </Badge>
          ))}
        </div>
      </div>
    </article>
  );
}
