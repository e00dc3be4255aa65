import { formatLabel } from '@/lib/catalog/format-label';
import type { Locale } from '@/lib/i18n/config';
import type { MailBlock } from './layout';
import { greeting, mailDate, type MailTranslator, money, template, tOrders } from './template-kit';

/**
 * What every rental mail shows (lib/rentals/mails.ts): the disc, the copy sent, its due date (the
 * shop's local date `YYYY-MM-DD`, written out in the mail's language), the daily late fee and the
 * deposit it is capped at, and a link to the rentals (`/account/rentals`, or the order page for a
 * guest's rental).
 */
export type RentalMailData = {
  name: string;
  title: string;
  /** Edition format (`bluray`, `vinyl`…) and optional edition name ("Steelbook"). */
  format: string;
  editionName: string | null;
  copyCode: string;
  periodDays: number;
  dueDate: string;
  currency: string;
  lateFeePerDayMinor: number;
  depositMinor: number;
  /** The order that paid the rental, named in the return instructions (null: rented without an order). */
  orderNumber: string | null;
  rentalsUrl: string;
  /** How the desk sent it, when it said (the dispatch mail): the carrier, its tracking number and page. */
  carrier?: string | null;
  trackingNumber?: string | null;
  trackingUrl?: string | null;
};

/** The `mail.RentalMail.*` words live in messages/{locale}/rental-mail.json (checked by the mail-template test). */
const words = (t: MailTranslator) => {
  const loose = tOrders(t);
  return (key: string, values?: Record<string, string | number>) => loose(`RentalMail.${key}`, values);
};

function edition(rental: RentalMailData, locale: Locale, r: ReturnType<typeof words>): string {
  const format = formatLabel(rental.format, locale);
  return rental.editionName ? r('editionNamed', { format, name: rental.editionName }) : format;
}

/** The rental's facts as label/value rows. */
function details(rental: RentalMailData, locale: Locale, r: ReturnType<typeof words>, extra: MailBlock[] = []) {
  const rows = [
    { label: r('details.title'), value: `${rental.title} (${edition(rental, locale, r)})` },
    { label: r('details.copy'), value: rental.copyCode },
    { label: r('details.due'), value: mailDate(rental.dueDate, locale) },
    {
      label: r('details.lateFee'),
      value: r('details.perDay', { amount: money(rental.lateFeePerDayMinor, rental.currency, locale) }),
    },
    { label: r('details.deposit'), value: money(rental.depositMinor, rental.currency, locale) },
    ...(rental.orderNumber ? [{ label: r('details.order'), value: rental.orderNumber }] : []),
    ...(rental.carrier && rental.trackingNumber
      ? [
          { label: r('details.carrier'), value: rental.carrier },
          {
            label: r('details.trackingNumber'),
            value: rental.trackingNumber,
            ...(rental.trackingUrl ? { url: rental.trackingUrl } : {}),
          },
        ]
      : []),
  ];
  return [{ kind: 'details' as const, rows }, ...extra];
}

function returnHow(rental: RentalMailData, r: ReturnType<typeof words>): MailBlock {
  return {
    kind: 'paragraph',
    text: rental.orderNumber ? r('returnHow', { number: rental.orderNumber }) : r('returnHowNoOrder'),
  };
}

function lateFeeRule(rental: RentalMailData, locale: Locale, r: ReturnType<typeof words>): MailBlock {
  return {
    kind: 'note',
    text: r('lateFeeRule', {
      perDay: money(rental.lateFeePerDayMinor, rental.currency, locale),
      deposit: money(rental.depositMinor, rental.currency, locale),
    }),
  };
}

const button = (rental: RentalMailData, r: ReturnType<typeof words>): MailBlock => ({
  kind: 'button',
  label: r('viewRentals'),
  url: rental.rentalsUrl,
});

/** Mails about a rental: sent, due soon, due today, overdue (lib/rentals/mails.ts, lib/rentals/reminders.ts). */
export const rentalTemplates = {
  /** The desk dispatched the copy: the period has started. */
  rentalDispatched: template<RentalMailData>((rental, { t, locale }) => {
    const r = words(t);
    const date = mailDate(rental.dueDate, locale);
    return {
      subject: r('dispatched.subject', { title: rental.title, date }),
      preheader: r('dispatched.preheader', { date }),
      heading: r('dispatched.heading'),
      blocks: [
        greeting(t, rental.name),
        {
          kind: 'paragraph',
          text: r('dispatched.intro', {
            title: rental.title,
            edition: edition(rental, locale, r),
            days: rental.periodDays,
            date,
          }),
        },
        ...details(rental, locale, r),
        returnHow(rental, r),
        button(rental, r),
        lateFeeRule(rental, locale, r),
      ],
    };
  }),

  /** A few days before the due date (RENTAL_REMINDER_DAYS_BEFORE). */
  rentalDueSoon: template<RentalMailData & { daysLeft: number }>((rental, { t, locale }) => {
    const r = words(t);
    const date = mailDate(rental.dueDate, locale);
    return {
      subject: r('dueSoon.subject', { title: rental.title, date }),
      preheader: r('dueSoon.preheader', { count: rental.daysLeft, date }),
      heading: r('dueSoon.heading'),
      blocks: [
        greeting(t, rental.name),
        { kind: 'paragraph', text: r('dueSoon.intro', { title: rental.title, date, count: rental.daysLeft }) },
        ...details(rental, locale, r),
        returnHow(rental, r),
        button(rental, r),
        lateFeeRule(rental, locale, r),
      ],
    };
  }),

  /** On the due date (the shop's local day). */
  rentalDueToday: template<RentalMailData>((rental, { t, locale }) => {
    const r = words(t);
    const date = mailDate(rental.dueDate, locale);
    return {
      subject: r('dueToday.subject', { title: rental.title }),
      preheader: r('dueToday.preheader', { date }),
      heading: r('dueToday.heading'),
      blocks: [
        greeting(t, rental.name),
        { kind: 'paragraph', text: r('dueToday.intro', { title: rental.title, date }) },
        ...details(rental, locale, r),
        returnHow(rental, r),
        button(rental, r),
        lateFeeRule(rental, locale, r),
      ],
    };
  }),

  /** The due date has passed: the late fee so far, and the deposit it never goes above. */
  rentalOverdue: template<RentalMailData & { daysLate: number; lateFeeSoFarMinor: number }>((rental, { t, locale }) => {
    const r = words(t);
    const date = mailDate(rental.dueDate, locale);
    const fee = money(rental.lateFeeSoFarMinor, rental.currency, locale);
    return {
      subject: r('overdue.subject', { title: rental.title }),
      preheader: r('overdue.preheader', { count: rental.daysLate, fee }),
      heading: r('overdue.heading'),
      blocks: [
        greeting(t, rental.name),
        { kind: 'paragraph', text: r('overdue.intro', { title: rental.title, date, count: rental.daysLate }) },
        {
          kind: 'paragraph',
          text: r('overdue.feeSoFar', {
            fee,
            perDay: money(rental.lateFeePerDayMinor, rental.currency, locale),
            deposit: money(rental.depositMinor, rental.currency, locale),
          }),
        },
        ...details(rental, locale, r),
        returnHow(rental, r),
        button(rental, r),
      ],
    };
  }),
};
