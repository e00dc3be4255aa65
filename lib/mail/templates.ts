// use-intl/core is the React-free core that next-intl re-exports: importing 'next-intl' itself pulls in its
// client provider, which fails outside Next's bundler (tsx scripts run with the react-server condition).
import { createTranslator } from 'use-intl/core';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { formatLabel } from '@/lib/catalog/format-label';
import { formatMoney } from '@/lib/money/format';
import { type MailBlock, type MailContent, type RenderedMail, renderLayout } from './layout';

/**
 * The registry of every mail the store sends. A template is one entry: typed data in, blocks out
 * (lib/mail/layout.ts turns blocks into HTML and text and escapes everything). Words come from the
 * `mail` namespace of the i18n messages; this module works outside React and outside a request.
 */

// Every locale's messages, main file and feature files merged (lib/i18n/messages.ts).
const catalogs = MESSAGES;

function createMailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogs[locale], namespace: 'mail', timeZone: 'UTC' });
}

export type MailTranslator = ReturnType<typeof createMailTranslator>;

/** What a template gets besides its data: the translator of the `mail` namespace and the locale. */
export type MailContext = { locale: Locale; t: MailTranslator };

export type MailTemplate<Data> = (data: Data, context: MailContext) => MailContent;

const translators = new Map<Locale, MailTranslator>();

function translatorFor(locale: Locale): MailTranslator {
  let t = translators.get(locale);
  if (!t) {
    t = createMailTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

/** Declares a template with its data type; the data type is what `enqueueMail` then requires. */
function template<Data>(compose: MailTemplate<Data>): MailTemplate<Data> {
  return compose;
}

/** Site paths that mails link to; made absolute with SITE_URL by the layout. */
export const MAIL_LINKS = { home: '/', help: '/help', forgotPassword: '/forgot-password', signIn: '/login' } as const;

function money(amountMinor: number, currency: string, locale: Locale): string {
  return formatMoney(amountMinor, currency, LOCALE_TAGS[locale]);
}

/** The lines and totals of an order as label/value rows. */
function orderDetails(order: OrderMailData, t: MailTranslator, locale: Locale): MailBlock {
  return {
    kind: 'details',
    rows: [
      { label: t('order.number'), value: order.number, url: order.orderUrl },
      ...order.lines.map((line) => ({
        label: t('order.line', {
          title: line.title,
          format: formatLabel(line.format, locale),
          quantity: line.quantity,
        }),
        value: money(line.lineTotalMinor, order.currency, locale),
      })),
      ...(order.shippingMinor > 0
        ? [{ label: t('order.shipping'), value: money(order.shippingMinor, order.currency, locale) }]
        : []),
      ...(order.taxMinor > 0 ? [{ label: t('order.tax'), value: money(order.taxMinor, order.currency, locale) }] : []),
      { label: t('order.total'), value: money(order.totalMinor, order.currency, locale) },
    ],
  };
}

function greeting(t: MailTranslator, name: string): MailBlock {
  const trimmed = name.trim();
  return { kind: 'paragraph', text: trimmed ? t('layout.greeting', { name: trimmed }) : t('layout.greetingNoName') };
}

/**
 * The translator for words that live in a feature's message file (lib/i18n/messages/{locale}/*.json):
 * those keys are not in the main file's type, so they are looked up untyped (the mail-template unit
 * test renders every template in both languages, so a missing key still fails a test).
 */
function tOrders(t: MailTranslator): (key: string, values?: Record<string, string | number>) => string {
  return t as unknown as (key: string, values?: Record<string, string | number>) => string;
}

export const templates = {
  /** `url` is the one-time reset link (absolute, or a site path). */
  passwordReset: template<{ name: string; url: string; expiresMinutes: number }>(
    ({ name, url, expiresMinutes }, { t }) => ({
      subject: t('passwordReset.subject'),
      preheader: t('passwordReset.preheader', { expiresMinutes }),
      heading: t('passwordReset.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: t('passwordReset.intro') },
        { kind: 'button', label: t('passwordReset.action'), url },
        { kind: 'note', text: t('passwordReset.expiry', { expiresMinutes }) },
        { kind: 'note', text: t('passwordReset.ignore') },
      ],
    }),
  ),

  welcome: template<{ name: string }>(({ name }, { t }) => ({
    subject: t('welcome.subject'),
    preheader: t('welcome.preheader'),
    heading: t('welcome.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: t('welcome.intro') },
      { kind: 'button', label: t('welcome.action'), url: MAIL_LINKS.home },
      { kind: 'note', text: t('welcome.help'), link: { label: t('welcome.helpLink'), url: MAIL_LINKS.help } },
    ],
  })),

  /** `url` is the one-time link that confirms the address and finishes the registration. */
  verifyEmail: template<{ name: string; url: string; expiresHours: number }>(({ name, url, expiresHours }, { t }) => ({
    subject: tOrders(t)('verifyEmail.subject'),
    preheader: tOrders(t)('verifyEmail.preheader', { expiresHours }),
    heading: tOrders(t)('verifyEmail.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: tOrders(t)('verifyEmail.intro') },
      { kind: 'button', label: tOrders(t)('verifyEmail.action'), url },
      { kind: 'note', text: tOrders(t)('verifyEmail.expiry', { expiresHours }) },
      { kind: 'note', text: tOrders(t)('verifyEmail.ignore') },
    ],
  })),

  /** To the owner of an address someone tried to register again: no link, only what to do. */
  registrationAttempt: template<{ name: string }>(({ name }, { t }) => ({
    subject: tOrders(t)('registrationAttempt.subject'),
    preheader: tOrders(t)('registrationAttempt.preheader'),
    heading: tOrders(t)('registrationAttempt.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: tOrders(t)('registrationAttempt.intro') },
      { kind: 'button', label: tOrders(t)('registrationAttempt.signIn'), url: MAIL_LINKS.signIn },
      {
        kind: 'note',
        text: tOrders(t)('registrationAttempt.forgot'),
        link: { label: tOrders(t)('registrationAttempt.forgotLink'), url: MAIL_LINKS.forgotPassword },
      },
      { kind: 'note', text: tOrders(t)('registrationAttempt.notYou') },
    ],
  })),

  /** Sent to the previous address, so that its owner learns of a change they may not have made. */
  emailChanged: template<{ name: string; newEmail: string }>(({ name, newEmail }, { t }) => ({
    subject: t('emailChanged.subject'),
    preheader: t('emailChanged.preheader', { newEmail }),
    heading: t('emailChanged.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: t('emailChanged.intro', { newEmail }) },
      { kind: 'note', text: t('emailChanged.notYou') },
      { kind: 'button', label: t('emailChanged.action'), url: MAIL_LINKS.help },
    ],
  })),

  passwordChanged: template<{ name: string }>(({ name }, { t }) => ({
    subject: t('passwordChanged.subject'),
    preheader: t('passwordChanged.preheader'),
    heading: t('passwordChanged.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: t('passwordChanged.intro') },
      { kind: 'note', text: t('passwordChanged.notYou') },
      { kind: 'button', label: t('passwordChanged.action'), url: MAIL_LINKS.forgotPassword },
    ],
  })),

  orderConfirmation: template<OrderMailData>((order, { t, locale }) => ({
    subject: t('order.confirmation.subject', { number: order.number }),
    preheader: t('order.confirmation.preheader', { total: money(order.totalMinor, order.currency, locale) }),
    heading: t('order.confirmation.heading'),
    blocks: [
      greeting(t, order.name),
      { kind: 'paragraph', text: t('order.confirmation.intro', { number: order.number }) },
      orderDetails(order, t, locale),
      { kind: 'button', label: t('order.viewOrder'), url: order.orderUrl },
      { kind: 'note', text: t('order.confirmation.next') },
    ],
  })),

  orderCancelled: template<
    OrderMailData & { refundedMinor: number; reason: 'customer' | 'expired' | 'payment_failed' | 'admin' }
  >((order, { t, locale }) => ({
    subject: t('order.cancelled.subject', { number: order.number }),
    preheader: t(`order.cancelled.reason.${order.reason}`),
    heading: t('order.cancelled.heading'),
    blocks: [
      greeting(t, order.name),
      { kind: 'paragraph', text: t(`order.cancelled.reason.${order.reason}`) },
      ...(order.refundedMinor > 0
        ? [
            {
              kind: 'paragraph' as const,
              text: t('order.cancelled.refund', { amount: money(order.refundedMinor, order.currency, locale) }),
            },
          ]
        : []),
      { kind: 'button', label: t('order.viewOrder'), url: order.orderUrl },
    ],
  })),

  returnRequested: template<{ name: string; number: string; orderUrl: string }>(
    ({ name, number, orderUrl }, { t }) => ({
      subject: t('order.returnRequested.subject', { number }),
      preheader: t('order.returnRequested.preheader'),
      heading: t('order.returnRequested.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: t('order.returnRequested.intro', { number }) },
        { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
      ],
    }),
  ),

  /** Staff marked the order shipped; `trackingUrl` is the carrier's page (null when unknown). */
  orderShipped: template<OrderMailData & { carrier: string; trackingNumber: string; trackingUrl: string | null }>(
    (order, { t, locale }) => ({
      subject: tOrders(t)('order.shipped.subject', { number: order.number }),
      preheader: tOrders(t)('order.shipped.preheader', { carrier: order.carrier }),
      heading: tOrders(t)('order.shipped.heading'),
      blocks: [
        greeting(t, order.name),
        {
          kind: 'paragraph',
          text: tOrders(t)('order.shipped.intro', { number: order.number, carrier: order.carrier }),
        },
        {
          kind: 'details',
          rows: [
            { label: tOrders(t)('order.shipped.carrier'), value: order.carrier },
            {
              label: tOrders(t)('order.shipped.trackingNumber'),
              value: order.trackingNumber,
              ...(order.trackingUrl ? { url: order.trackingUrl } : {}),
            },
          ],
        },
        orderDetails(order, t, locale),
        { kind: 'button', label: t('order.viewOrder'), url: order.orderUrl },
        { kind: 'note', text: tOrders(t)('order.shipped.note') },
      ],
    }),
  ),

  orderDelivered: template<{ name: string; number: string; orderUrl: string }>(({ name, number, orderUrl }, { t }) => ({
    subject: tOrders(t)('order.delivered.subject', { number }),
    preheader: tOrders(t)('order.delivered.preheader'),
    heading: tOrders(t)('order.delivered.heading'),
    blocks: [
      greeting(t, name),
      { kind: 'paragraph', text: tOrders(t)('order.delivered.intro', { number }) },
      { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
      { kind: 'note', text: tOrders(t)('order.delivered.returns') },
    ],
  })),

  /** A fresh order link, asked for on the order page (the words are in messages/{locale}/orders-safeguards.json). */
  orderLink: template<{ name: string; number: string; orderUrl: string; days: number }>(
    ({ name, number, orderUrl, days }, { t }) => ({
      subject: tOrders(t)('orderLink.subject', { number }),
      preheader: tOrders(t)('orderLink.preheader', { days }),
      heading: tOrders(t)('orderLink.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: tOrders(t)('orderLink.intro', { number }) },
        { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
        { kind: 'note', text: tOrders(t)('orderLink.expiry', { days }) },
        { kind: 'note', text: tOrders(t)('orderLink.ignore') },
      ],
    }),
  ),

  /** A refund went through at the payment provider (in part or in full). */
  refundIssued: template<{
    name: string;
    number: string;
    orderUrl: string;
    currency: string;
    amountMinor: number;
    refundedTotalMinor: number;
    totalMinor: number;
  }>((refund, { t, locale }) => ({
    subject: tOrders(t)('order.refundIssued.subject', { number: refund.number }),
    preheader: tOrders(t)('order.refundIssued.preheader', {
      amount: money(refund.amountMinor, refund.currency, locale),
    }),
    heading: tOrders(t)('order.refundIssued.heading'),
    blocks: [
      greeting(t, refund.name),
      {
        kind: 'paragraph',
        text: tOrders(t)('order.refundIssued.intro', {
          number: refund.number,
          amount: money(refund.amountMinor, refund.currency, locale),
        }),
      },
      {
        kind: 'details',
        rows: [
          { label: t('order.number'), value: refund.number, url: refund.orderUrl },
          { label: tOrders(t)('order.refundIssued.amount'), value: money(refund.amountMinor, refund.currency, locale) },
          {
            label: tOrders(t)('order.refundIssued.refundedTotal'),
            value: money(refund.refundedTotalMinor, refund.currency, locale),
          },
          { label: t('order.total'), value: money(refund.totalMinor, refund.currency, locale) },
        ],
      },
      { kind: 'button', label: t('order.viewOrder'), url: refund.orderUrl },
      { kind: 'note', text: tOrders(t)('order.refundIssued.timing') },
    ],
  })),

  /** A return request was approved; `message` is staff's note to the customer (may be empty). */
  returnApproved: template<{ name: string; number: string; orderUrl: string; returnNumber: string; message: string }>(
    ({ name, number, orderUrl, returnNumber, message }, { t }) => ({
      subject: tOrders(t)('order.returnApproved.subject', { number }),
      preheader: tOrders(t)('order.returnApproved.preheader', { returnNumber }),
      heading: tOrders(t)('order.returnApproved.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: tOrders(t)('order.returnApproved.intro', { number, returnNumber }) },
        ...(message.trim() ? [{ kind: 'paragraph' as const, text: message.trim() }] : []),
        { kind: 'paragraph', text: tOrders(t)('order.returnApproved.instructions', { returnNumber }) },
        { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
        { kind: 'note', text: tOrders(t)('order.returnApproved.refundNote') },
      ],
    }),
  ),

  /** A return request was declined, with staff's reason. */
  returnRejected: template<{ name: string; number: string; orderUrl: string; reason: string }>(
    ({ name, number, orderUrl, reason }, { t }) => ({
      subject: tOrders(t)('order.returnRejected.subject', { number }),
      preheader: tOrders(t)('order.returnRejected.preheader'),
      heading: tOrders(t)('order.returnRejected.heading'),
      blocks: [
        greeting(t, name),
        { kind: 'paragraph', text: tOrders(t)('order.returnRejected.intro', { number }) },
        { kind: 'paragraph', text: reason.trim() },
        { kind: 'button', label: t('order.viewOrder'), url: orderUrl },
        {
          kind: 'note',
          text: tOrders(t)('order.returnRejected.help'),
          link: { label: t('welcome.helpLink'), url: MAIL_LINKS.help },
        },
      ],
    }),
  ),

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

/** "2026-05-01" → "May 1, 2026" / "2026年5月1日" (a calendar date: formatted in UTC). */
function mailDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export type TemplateName = keyof typeof templates;

/** An order as order mails show it: amounts in minor units, formatted in the mail's language. */
export type OrderMailData = {
  name: string;
  number: string;
  /** Absolute link to the order page (with the guest access key when there is no account). */
  orderUrl: string;
  currency: string;
  lines: { title: string; format: string; quantity: number; lineTotalMinor: number }[];
  shippingMinor: number;
  taxMinor: number;
  totalMinor: number;
};
export type TemplateData<K extends TemplateName> = Parameters<(typeof templates)[K]>[0];

export const TEMPLATE_NAMES = Object.keys(templates) as TemplateName[];

/**
 * Renders a template in a locale to its subject, HTML and plain text. Pure apart from reading
 * SITE_URL; throws on a link that is not http(s), which is a programming error of the caller.
 */
export function renderMail<K extends TemplateName>(name: K, data: TemplateData<K>, locale: Locale): RenderedMail {
  const t = translatorFor(locale);
  // Indexing the registry with a generic key loses the pairing of name and data; the signature keeps it.
  const compose = templates[name] as MailTemplate<TemplateData<K>>;
  const content = compose(data, { locale, t });
  // A subject is a header line: a line break in it (from interpolated data) must not start another header.
  const subject = content.subject.replace(/\s+/g, ' ').trim();
  return renderLayout(
    { ...content, subject },
    {
      lang: LOCALE_TAGS[locale],
      tagline: t('layout.tagline'),
      buttonFallback: t('layout.buttonFallback'),
      footer: t('layout.footer'),
      signOff: t('layout.signOff'),
      hiddenLink: t('layout.hiddenLink'),
    },
  );
}
