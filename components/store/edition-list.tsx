import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';
import { formatDate, languageNames } from '@/lib/catalog/display';
import type { EditionView } from '@/lib/catalog/types';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { formatPrice } from './price';

/** Stock wording: "In stock", "Only 2 left", "Out of stock", "Pre-order: ships June 3". */
const LOW_STOCK = 3;

/**
 * Every edition side by side: format and edition name, its facts, price, availability. The
 * `actions` slot (add to cart, rent) is filled by the cart feature.
 */
export async function EditionList({
  editions,
  locale,
  actions,
}: {
  editions: EditionView[];
  locale: Locale;
  actions?: (edition: EditionView) => React.ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'product' });
  const common = await getTranslations({ locale, namespace: 'common' });
  const tag = LOCALE_TAGS[locale];
  if (editions.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 p-4 text-sm text-stone-600">{t('noEditions')}</p>
    );
  }
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {editions.map((edition) => {
        const facts = [
          edition.platform,
          edition.discCount && edition.discCount > 1 ? t('facts.discs', { count: edition.discCount }) : null,
          edition.vinylWeightGrams ? t('facts.weight', { grams: edition.vinylWeightGrams }) : null,
          edition.vinylSpeedRpm ? t('facts.speed', { rpm: edition.vinylSpeedRpm }) : null,
          edition.vinylColour ? t('facts.colour', { colour: edition.vinylColour }) : null,
          edition.packaging,
          edition.regionCode ? t('facts.region', { region: edition.regionCode }) : null,
          edition.audioLanguages.length
            ? t('facts.audio', { languages: languageNames(edition.audioLanguages, tag) })
            : null,
          edition.subtitleLanguages.length
            ? t('facts.subtitles', { languages: languageNames(edition.subtitleLanguages, tag) })
            : null,
          edition.territories.length ? t('facts.territories', { territories: edition.territories.join(', ') }) : null,
          edition.availableUntil ? t('facts.availableUntil', { date: formatDate(edition.availableUntil, tag) }) : null,
        ].filter(Boolean);
        const headingId = `edition-${edition.id}`;
        return (
          <li
            key={edition.id}
            aria-labelledby={headingId}
            className="flex flex-col rounded-xl border border-stone-200 bg-white p-4"
          >
            <div className="flex items-start justify-between gap-3">
              <h3 id={headingId} className="font-semibold">
                {common(`format.${edition.format}`)}
                {edition.name && <span className="block text-sm font-normal text-stone-600">{edition.name}</span>}
              </h3>
              <p className="text-right">
                <span className="text-lg font-bold">{formatPrice(edition.priceMinor, locale)}</span>
                {edition.rentable && edition.rentalPriceMinor !== null && (
                  <span className="block text-xs text-stone-600">
                    {t('rentFor', { price: formatPrice(edition.rentalPriceMinor, locale) })}
                  </span>
                )}
              </p>
            </div>
            {facts.length > 0 && <p className="mt-2 text-xs leading-relaxed text-stone-600">{facts.join(' · ')}</p>}
            <div className="mt-3 flex flex-wrap items-center gap-1.5">
              {edition.preorder ? (
                <Badge tone="brand">
                  {t('preorderShips', { date: edition.releaseDate ? formatDate(edition.releaseDate, tag) : '' })}
                </Badge>
              ) : edition.digital ? (
                <Badge tone="success">{t('instantDownload')}</Badge>
              ) : edition.stock === 0 ? (
                <Badge tone="muted">{t('badge.outOfStock')}</Badge>
              ) : edition.stock <= LOW_STOCK ? (
                <Badge tone="brand">{t('lowStock', { count: edition.stock })}</Badge>
              ) : (
                <Badge tone="success">{t('inStock')}</Badge>
              )}
              {edition.rentable && <Badge tone="info">{t('badge.rentable')}</Badge>}
              {edition.digital && <Badge tone="info">{t('badge.digital')}</Badge>}
            </div>
            {(edition.catalogNumber || edition.barcode) && (
              <p className="mt-2 text-[11px] text-stone-500">
                {[
                  edition.catalogNumber && t('facts.catalogNumber', { value: edition.catalogNumber }),
                  edition.barcode && t('facts.barcode', { value: edition.barcode }),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            )}
            {actions && <div className="mt-auto pt-3">{actions(edition)}</div>}
          </li>
        );
      })}
    </ul>
  );
}
