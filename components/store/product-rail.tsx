import Link from 'next/link';
import type { ProductCard as Card } from '@/lib/catalog/types';
import type { Locale } from '@/lib/i18n/config';
import { ProductCard } from './product-card';

/** A titled, horizontally scrolling row of products (a grid on wide screens). */
export function ProductRail({
  title,
  items,
  locale,
  moreHref,
  moreLabel,
  empty,
}: {
  title: string;
  items: Card[];
  locale: Locale;
  moreHref?: string;
  moreLabel?: string;
  empty?: string;
}) {
  const headingId = `rail-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="mt-10">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id={headingId} className="text-lg font-bold sm:text-xl">
          {title}
        </h2>
        {moreHref && moreLabel && (
          <Link href={moreHref} className="text-sm font-medium text-brand-700 hover:underline">
            {moreLabel}
          </Link>
        )}
      </div>
      {items.length === 0 ? (
        <p className="mt-3 rounded-lg border border-dashed border-stone-300 p-6 text-sm text-stone-500">{empty}</p>
      ) : (
        <ul className="mt-3 grid auto-cols-[9.5rem] grid-flow-col gap-4 overflow-x-auto pb-3 sm:auto-cols-[11rem] lg:grid-flow-row lg:grid-cols-6 lg:overflow-visible">
          {items.slice(0, 12).map((item, index) => (
            <li key={item.id} className={index >= 6 ? 'lg:hidden' : undefined}>
              <ProductCard product={item} locale={locale} priority={index < 2} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A responsive grid of product cards (browse, search, people pages). */
export function ProductGrid({ items, locale }: { items: Card[]; locale: Locale }) {
  return (
    <ul className="grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-6">
      {items.map((item, index) => (
        <li key={item.id}>
          <ProductCard product={item} locale={locale} priority={index < 4} />
        </li>
      ))}
    </ul>
  );
}
