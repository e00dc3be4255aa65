// use-intl/core is the React-free core that next-intl re-exports: importing 'next-intl' itself pulls in its
// client provider, which fails outside Next's bundler (tsx scripts run with the react-server condition).
import { createTranslator } from 'use-intl/core';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { MESSAGES } from '@/lib/i18n/messages';
import { formatMoney } from '@/lib/money/format';
import type { MailBlock, MailContent } from './layout';

// What every mail template is written with: the `mail` translator, the template declaration, links
// and formatting (the templates are in *-templates.ts; templates.ts gathers and renders them).

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

export function translatorFor(locale: Locale): MailTranslator {
  let t = translators.get(locale);
  if (!t) {
    t = createMailTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

/** Declares a template with its data type; the data type is what `enqueueMail` then requires. */
export function template<Data>(compose: MailTemplate<Data>): MailTemplate<Data> {
  return compose;
}

/** Site paths that mails link to; made absolute with SITE_URL by the layout. */
export const MAIL_LINKS = { home: '/', help: '/help', forgotPassword: '/forgot-password', signIn: '/login' } as const;

export function money(amountMinor: number, currency: string, locale: Locale): string {
  return formatMoney(amountMinor, currency, LOCALE_TAGS[locale]);
}

export function greeting(t: MailTranslator, name: string): MailBlock {
  const trimmed = name.trim();
  return { kind: 'paragraph', text: trimmed ? t('layout.greeting', { name: trimmed }) : t('layout.greetingNoName') };
}

/**
 * The translator for words that live in a feature's message file (lib/i18n/messages/{locale}/*.json):
 * those keys are not in the main file's type, so they are looked up untyped (the mail-template unit
 * test renders every template in both languages, so a missing key still fails a test).
 */
export function tOrders(t: MailTranslator): (key: string, values?: Record<string, string | number>) => string {
  return t as unknown as (key: string, values?: Record<string, string | number>) => string;
}

/** "2026-05-01" → "May 1, 2026" / "2026年5月1日" (a calendar date: formatted in UTC). */
export function mailDate(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
