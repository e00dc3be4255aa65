import { formatLabel } from '@/lib/catalog/format-label';
import type { Locale } from '@/lib/i18n/config';
import type { MailBlock, MailContent } from './layout';
import { greeting, mailDate, type MailTranslator, money, template } from './template-kit';

/** What every wishlist mail needs: the shopper's name, the product and the edition, and its price now. */
export type WishlistMailData = {
  name: string;
  title: string;
  /** Edition format (`vinyl`, `bluray`…) and optional edition name ("Deluxe 2×LP"). */
  format: string;
  editionName: string | null;
  /** The product page (a site path or an absolute URL). */
  productUrl: string;
  priceMinor: number;
  currency: string;
};

/**
 * The `mail.wishlist.*` words live in a feature message file (messages/{locale}/reviews.json), which the
 * translator's type (the main English file) does not know; the mail-templates test checks they exist.
 */
type LooseTranslator = (key: string, values?: Record<string, string | number>) => string;

function wishlistMail(t: MailTranslator, compose: (t: LooseTranslator) => MailContent): MailContent {
  return compose(t as unknown as LooseTranslator);
}

function wishlistEdition(item: WishlistMailData, t: LooseTranslator, locale: Locale): string {
  const format = formatLabel(item.format, locale);
  return item.editionName ? t('wishlist.editionNamed', { format, name: item.editionName }) : format;
}

function wishlistFooter(item: WishlistMailData, t: LooseTranslator): MailBlock[] {
  return [
    {
      kind: 'note',
      text: t('wishlist.why', { title: item.title }),
      link: { label: t('wishlist.manage'), url: '/account/wishlist' },
    },
  ];
}

/** Mails about a wished product (lib/wishlist/notifications.ts). */
export const wishlistTemplates = {
  /** A wished physical edition came back in stock (lib/wishlist/notifications.ts). */
  wishlistBackInStock: template<WishlistMailData>((item, { t: mt, locale }) =>
    wishlistMail(mt, (t) => ({
      subject: t('wishlist.backInStock.subject', { title: item.title }),
      preheader: t('wishlist.backInStock.preheader', { price: money(item.priceMinor, item.currency, locale) }),
      heading: t('wishlist.backInStock.heading'),
      blocks: [
        greeting(mt, item.name),
        {
          kind: 'paragraph',
          text: t('wishlist.backInStock.intro', {
            title: item.title,
            edition: wishlistEdition(item, t, locale),
            price: money(item.priceMinor, item.currency, locale),
          }),
        },
        { kind: 'button', label: t('wishlist.viewProduct'), url: item.productUrl },
        ...wishlistFooter(item, t),
      ],
    })),
  ),

  /** A wished pre-order edition was released. `releaseDate` is an ISO date (YYYY-MM-DD). */
  wishlistReleased: template<WishlistMailData & { releaseDate: string }>((item, { t: mt, locale }) =>
    wishlistMail(mt, (t) => ({
      subject: t('wishlist.released.subject', { title: item.title }),
      preheader: t('wishlist.released.preheader', { date: mailDate(item.releaseDate, locale) }),
      heading: t('wishlist.released.heading'),
      blocks: [
        greeting(mt, item.name),
        {
          kind: 'paragraph',
          text: t('wishlist.released.intro', {
            title: item.title,
            edition: wishlistEdition(item, t, locale),
            date: mailDate(item.releaseDate, locale),
            price: money(item.priceMinor, item.currency, locale),
          }),
        },
        { kind: 'button', label: t('wishlist.viewProduct'), url: item.productUrl },
        ...wishlistFooter(item, t),
      ],
    })),
  ),

  /** A wished product got cheaper than the lowest price the shopper had seen. */
  wishlistCheaper: template<WishlistMailData & { previousPriceMinor: number }>((item, { t: mt, locale }) =>
    wishlistMail(mt, (t) => ({
      subject: t('wishlist.cheaper.subject', { title: item.title }),
      preheader: t('wishlist.cheaper.preheader', {
        price: money(item.priceMinor, item.currency, locale),
        previous: money(item.previousPriceMinor, item.currency, locale),
      }),
      heading: t('wishlist.cheaper.heading'),
      blocks: [
        greeting(mt, item.name),
        {
          kind: 'paragraph',
          text: t('wishlist.cheaper.intro', {
            title: item.title,
            edition: wishlistEdition(item, t, locale),
            price: money(item.priceMinor, item.currency, locale),
            previous: money(item.previousPriceMinor, item.currency, locale),
          }),
        },
        { kind: 'button', label: t('wishlist.viewProduct'), url: item.productUrl },
        { kind: 'note', text: t('wishlist.cheaper.pricesChange') },
        ...wishlistFooter(item, t),
      ],
    })),
  ),
};
