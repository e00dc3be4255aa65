import { formatLabel } from '@/lib/catalog/format-label';
import type { Locale } from '@/lib/i18n/config';
import { greeting, money, template, tOrders } from './template-kit';

/** What both mails about a kept rental need: the shopper's name, the title and edition, the account's rentals page. */
export type RentalKeepMailData = {
  name: string;
  title: string;
  /** Edition format (`bluray`, `vinyl`…) and optional edition name. */
  format: string;
  editionName: string | null;
  currency: string;
  /** The shopper's rentals page (a site path). */
  rentalsUrl: string;
};

function edition(item: RentalKeepMailData, locale: Locale): string {
  const format = formatLabel(item.format, locale);
  return item.editionName ? `${format} · ${item.editionName}` : format;
}

/**
 * Mails about a rented copy the shopper keeps (lib/rentals/keep.ts). The words are under
 * `mail.rentalKeep` in the feature message files (messages/{locale}/rental-keep.json).
 */
export const rentalKeepTemplates = {
  /** The shopper bought out their rental ("Keep it"): the price, what the deposit paid and the refund. */
  rentalKept: template<
    RentalKeepMailData & { priceMinor: number; lateFeeMinor: number; fromDepositMinor: number; refundMinor: number }
  >((item, { t: mt, locale }) => {
    const t = tOrders(mt);
    const amount = (minor: number) => money(minor, item.currency, locale);
    return {
      subject: t('rentalKeep.kept.subject', { title: item.title }),
      preheader: t('rentalKeep.kept.preheader', { price: amount(item.priceMinor) }),
      heading: t('rentalKeep.kept.heading'),
      blocks: [
        greeting(mt, item.name),
        {
          kind: 'paragraph',
          text: t('rentalKeep.kept.intro', { title: item.title, edition: edition(item, locale) }),
        },
        {
          kind: 'details',
          rows: [
            { label: t('rentalKeep.price'), value: amount(item.priceMinor) },
            ...(item.lateFeeMinor > 0 ? [{ label: t('rentalKeep.lateFee'), value: amount(item.lateFeeMinor) }] : []),
            { label: t('rentalKeep.fromDeposit'), value: amount(item.fromDepositMinor) },
            { label: t('rentalKeep.refund'), value: amount(item.refundMinor) },
          ],
        },
        {
          kind: 'paragraph',
          text: t(item.refundMinor > 0 ? 'rentalKeep.kept.refundNote' : 'rentalKeep.kept.noRefund'),
        },
        { kind: 'button', label: t('rentalKeep.viewRentals'), url: item.rentalsUrl },
      ],
    };
  }),

  /** The late fee reached the deposit: the rental became a purchase by itself, the whole deposit kept. */
  rentalConverted: template<RentalKeepMailData & { depositMinor: number; lateFeePerDayMinor: number }>(
    (item, { t: mt, locale }) => {
      const t = tOrders(mt);
      const amount = (minor: number) => money(minor, item.currency, locale);
      return {
        subject: t('rentalKeep.converted.subject', { title: item.title }),
        preheader: t('rentalKeep.converted.preheader', { deposit: amount(item.depositMinor) }),
        heading: t('rentalKeep.converted.heading'),
        blocks: [
          greeting(mt, item.name),
          {
            kind: 'paragraph',
            text: t('rentalKeep.converted.intro', {
              title: item.title,
              edition: edition(item, locale),
              perDay: amount(item.lateFeePerDayMinor),
              deposit: amount(item.depositMinor),
            }),
          },
          { kind: 'paragraph', text: t('rentalKeep.converted.yours') },
          { kind: 'button', label: t('rentalKeep.viewRentals'), url: item.rentalsUrl },
        ],
      };
    },
  ),
};
