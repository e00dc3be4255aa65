import { getTranslations } from 'next-intl/server';
import { ProductCard } from '@/components/store/product-card';
import type { Locale } from '@/lib/i18n/config';
import type { ReasonView, RecommendedCard } from '@/lib/recommendations/queries';

type Translator = Awaited<ReturnType<typeof getTranslations>>;

/** The words of a reason ("Because you bought …", "Popular in Music"). */
function reasonText(reason: ReasonView, t: Translator, kinds: Translator): string {
  switch (reason.kind) {
    case 'because_bought':
    case 'because_viewed':
    case 'goes_with':
      return t(reason.kind, { title: reason.source.title });
    case 'popular':
    case 'trending':
      return t(reason.kind, { kind: kinds(reason.productKind) });
    default:
      return t(reason.kind);
  }
}

/**
 * A titled row of recommended products, each card with the line that explains it (unless
 * `reasons` is false, for lists whose title already says why). Nothing is rendered for no items.
 */
export async function RecommendationRail({
  id,
  title,
  items,
  locale,
  reasons = true,
  limit = 12,
  children,
}: {
  /** Unique on the page: the heading's id. */
  id: string;
  title: string;
  items: RecommendedCard[];
  locale: Locale;
  reasons?: boolean;
  /** Cards shown: 12 scroll sideways on a phone, six per row on a wide screen. */
  limit?: number;
  children?: React.ReactNode;
}) {
  if (items.length === 0) return null;
  let lines: string[] = [];
  if (reasons) {
    // One pair of translators for the whole rail, not one per card.
    const [t, kinds] = await Promise.all([
      getTranslations({ locale, namespace: 'recommendations.reason' }),
      getTranslations({ locale, namespace: 'common.kindPlural' }),
    ]);
    lines = items.map((item) => reasonText(item.reason, t, kinds));
  }
  return (
    <section aria-labelledby={id} className="mt-10">
      <h2 id={id} className="text-lg font-bold sm:text-xl">
        {title}
      </h2>
      {children}
      <ul className="mt-3 grid auto-cols-[9.5rem] grid-flow-col gap-4 overflow-x-auto pb-3 sm:auto-cols-[11rem] lg:grid-flow-row lg:grid-cols-6 lg:overflow-visible">
        {items.slice(0, limit).map((item, index) => (
          <li key={item.card.id} className={`flex flex-col ${index >= 6 ? 'lg:hidden' : ''}`}>
            <ProductCard product={item.card} locale={locale} />
            {reasons && <p className="mt-1 line-clamp-2 text-xs text-brand-700">{lines[index]}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
