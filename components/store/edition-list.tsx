import { getTranslations } from 'next-intl/server';
import { formatDate, languageNames } from '@/lib/catalog/display';
import type { EditionView } from '@/lib/catalog/types';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { type BadgeProps, EditionListView } from './edition-list-view';
import { formatPrice } from './price';

/** At or below this many copies, an edition says "Only 2 left". */
const LOW_STOCK = 3;

/**
 * Every edition side by side: format and edition name, its facts, price, availability. The
 * `actions` slot (add to cart, rent) is filled by the cart and rental features;
 * `rentalFromMinor` gives the shortest period's fee of the editions that can be rented now. Texts are worked out here;
 * EditionListView draws them.
 */
export async function EditionList({
  editions,
  locale,
  actions,
  rentalFromMinor,
}: {
  editions: EditionView[];
  locale: Locale;
  actions?: (edition: EditionView) => React.ReactNode;
  rentalFromMinor?: ReadonlyMap<number, number>;
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
    <EditionListView
      editions={editions.map((edition) => ({
        id: edition.id,
        format: common(`format.${edition.format}`),
        name: edition.name,
        price: formatPrice(edition.priceMinor, locale),
        rental: rentalFrom(edition.id),
        facts: facts(edition).join(' · '),
        badges: [status(edition)],
        codes: [
          edition.catalogNumber && t('facts.catalogNumber', { value: edition.catalogNumber }),
          edition.barcode && t('facts.barcode', { value: edition.barcode }),
        ]
          .filter(Boolean)
          .join(' · '),
        action: actions?.(edition) ?? null,
      }))}
    />
  );

  function rentalFrom(editionId: number) {
    const fee = rentalFromMinor?.get(editionId);
    return fee === undefined ? null : t('rentFor', { price: formatPrice(fee, locale) });
  }

  function facts(edition: EditionView) {
    return [
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
      edition.availableUntil ? t('facts.availableUntil', { date: formatDate(edition.availableUntil, tag) }) : null,
    ].filter(Boolean);
  }

  /** Stock wording: "In stock", "Only 2 left", "Out of stock", "Pre-order: ships June 3". */
  function status(edition: EditionView): BadgeProps {
    if (edition.preorder) {
      return {
        tone: 'brand',
        text: t('preorderShips', { date: edition.releaseDate ? formatDate(edition.releaseDate, tag) : '' }),
      };
    }
    if (edition.stock === 0) return { tone: 'muted', text: t('badge.outOfStock') };
    if (edition.stock <= LOW_STOCK) return { tone: 'brand', text: t('lowStock', { count: edition.stock }) };
    return { tone: 'success', text: t('inStock') };
  }
}
