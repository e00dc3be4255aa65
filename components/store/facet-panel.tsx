import { getTranslations } from 'next-intl/server';
import { PRICE_RANGES, type PriceRangeId } from '@/lib/catalog/formats';
import type { Facets } from '@/lib/catalog/types';
import { FacetPanelView } from './facet-panel-view';
import { formatWholePrice } from './price';
import { type BrowseFilters, toggleFilter } from '@/lib/catalog/validation';
import type { Locale } from '@/lib/i18n/config';

type FacetKey = 'formats' | 'genres' | 'decades' | 'prices' | 'availability';

/**
 * Facets as plain links: each value toggles one filter in the URL, so a filtered page can be shared,
 * bookmarked and reached with Back, and works without JavaScript. Labels, counts and links are worked
 * out here; FacetPanelView draws them.
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
    <FacetPanelView
      label={t('filters')}
      selectedLabel={t('selected')}
      clear={
        active > 0
          ? {
              label: t('clearFilters', { count: active }),
              href: href({ ...filters, formats: [], genres: [], decades: [], prices: [], availability: [], page: 1 }),
            }
          : null
      }
      groups={groups
        .filter((group) => group.values.length > 0)
        .map((group) => ({
          key: group.key,
          title: group.title,
          options: group.values.map(({ value, count, label }) => ({
            label,
            count,
            href: href(toggleFilter(filters, group.key, value)),
            selected: (filters[group.key] as (string | number)[]).includes(value),
          })),
        }))}
    />
  );
}
