import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { PRICE_RANGES, type PriceRangeId } from '@/lib/catalog/formats';
import type { Facets } from '@/lib/catalog/types';
import { formatWholePrice } from './price';
import { type BrowseFilters, toggleFilter } from '@/lib/catalog/validation';
import type { Locale } from '@/lib/i18n/config';

type FacetKey = 'formats' | 'genres' | 'decades' | 'prices' | 'availability';

/**
 * Facets as plain links: each value toggles one filter in the URL, so a filtered page can be shared,
 * bookmarked and reached with Back, and works without JavaScript.
 */
export async function FacetPanel({
  hrefFor: href,
  filters,
  facets,
  locale,
}: {
  hrefFor: (filters: BrowseFilters) => string;
  filters: BrowseFilters;
  facets: Facets;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'browse' });
  const common = await getTranslations({ locale, namespace: 'common' });
  const groups: { key: FacetKey; title: string; values: { value: string | number; count: number; label: string }[] }[] =
    [
      {
        key: 'formats',
        title: t('facet.format'),
        values: facets.formats.map((f) => ({ ...f, label: common(`format.${f.value}`) })),
      },
      {
        key: 'genres',
        title: t('facet.genre'),
        values: facets.genres.map((g) => ({ ...g, label: (locale === 'zh' ? g.labelZh : g.label) ?? g.value })),
      },
      {
        key: 'decades',
        title: t('facet.decade'),
        values: facets.decades.map((d) => ({ ...d, label: t('decade', { decade: d.value }) })),
      },
      {
        key: 'prices',
        title: t('facet.price'),
        values: facets.prices.map((p) => ({ ...p, label: priceRangeLabel(p.value) })),
      },
      {
        key: 'availability',
        title: t('facet.availability'),
        values: facets.availability.map((a) => ({ ...a, label: common(`availability.${a.value}`) })),
      },
    ];
  function priceRangeLabel(id: PriceRangeId): string {
    const range = PRICE_RANGES.find((r) => r.id === id)!;
    if (range.min === 0) return t('priceUnder', { max: formatWholePrice(range.max!, locale) });
    if (range.max === null) return t('priceOver', { min: formatWholePrice(range.min, locale) });
    return t('priceBetween', { min: formatWholePrice(range.min, locale), max: formatWholePrice(range.max, locale) });
  }
  const active =
    filters.formats.length +
    filters.genres.length +
    filters.decades.length +
    filters.prices.length +
    filters.availability.length;
  return (
    <nav aria-label={t('filters')} className="space-y-6 text-sm">
      {active > 0 && (
        <Link
          prefetch={false}
          href={href({ ...filters, formats: [], genres: [], decades: [], prices: [], availability: [], page: 1 })}
          className="inline-block font-medium text-brand-700 hover:underline"
        >
          {t('clearFilters', { count: active })}
        </Link>
      )}
      {groups.map((group) =>
        group.values.length === 0 ? null : (
          <section key={group.key} aria-labelledby={`facet-${group.key}`}>
            <h3 id={`facet-${group.key}`} className="mb-2 font-semibold">
              {group.title}
            </h3>
            <ul className="space-y-1">
              {group.values.map(({ value, count, label }) => {
                const selected = (filters[group.key] as (string | number)[]).includes(value);
                return (
                  <li key={String(value)}>
                    <Link
                      href={href(toggleFilter(filters, group.key, value))}
                      aria-current={selected ? 'true' : undefined}
                      rel="nofollow"
                      prefetch={false}
                      className="facet-option"
                    >
                      <span>
                        <span aria-hidden className="facet-box">
                          {selected ? '✓' : ''}
                        </span>
                        <span>
                          {label}
                          {selected && <span className="sr-only"> ({t('selected')})</span>}
                        </span>
                      </span>
                      <span>{count}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </section>
        ),
      )}
    </nav>
  );
}
