import { formatLabel } from '@/lib/catalog/format-label';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { greeting, type MailTranslator, template } from './template-kit';

/** The offer mail of the rental waitlist (lib/rentals/waitlist.ts): a copy is held for the shopper. */
export type RentalWaitlistOfferData = {
  name: string;
  title: string;
  /** Edition format (`bluray`, `dvd`…) and optional edition name. */
  format: string;
  editionName: string | null;
  /** The product page, where the held copy is rented (a site path or an absolute URL). */
  productUrl: string;
  /** When the hold ends (ISO instant), shown in the shop's time zone `timeZone`. */
  holdUntil: string;
  timeZone: string;
};

/** The `mail.rentalWaitlist.*` words live in messages/{locale}/rental-waitlist.json (checked by the mail-templates test). */
type LooseTranslator = (key: string, values?: Record<string, string | number>) => string;
const loose = (t: MailTranslator) => t as unknown as LooseTranslator;

function holdUntil(data: RentalWaitlistOfferData, locale: Locale): string {
  const at = new Date(data.holdUntil);
  if (Number.isNaN(at.getTime())) return data.holdUntil;
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: data.timeZone,
  }).format(at);
}

export const rentalWaitlistTemplates = {
  /** The first in an edition's line: a copy is held for them until `holdUntil`; rent it on the product page. */
  rentalWaitlistOffer: template<RentalWaitlistOfferData>((data, { t: mt, locale }) => {
    const t = loose(mt);
    const format = formatLabel(data.format, locale);
    const edition = data.editionName ? `${format} · ${data.editionName}` : format;
    const until = holdUntil(data, locale);
    return {
      subject: t('rentalWaitlist.offer.subject', { title: data.title }),
      preheader: t('rentalWaitlist.offer.preheader', { until }),
      heading: t('rentalWaitlist.offer.heading'),
      blocks: [
        greeting(mt, data.name),
        { kind: 'paragraph', text: t('rentalWaitlist.offer.intro', { title: data.title, edition, until }) },
        { kind: 'button', label: t('rentalWaitlist.offer.rent'), url: data.productUrl },
        {
          kind: 'note',
          text: t('rentalWaitlist.offer.passOn'),
          link: { label: t('rentalWaitlist.offer.manage'), url: '/account/rentals' },
        },
      ],
    };
  }),
};
