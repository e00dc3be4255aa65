import 'server-only';
import { env } from '@/lib/env';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { formatMoney, minorUnitsPerMajor } from '@/lib/money/format';

/** A price in the store currency, formatted for the locale (server components only). */
export function formatPrice(amountMinor: number, locale: Locale): string {
  return formatMoney(amountMinor, env.STORE_CURRENCY, LOCALE_TAGS[locale]);
}

/** A whole amount of the store currency given in major units ("$10"), for price ranges. */
export function formatWholePrice(amountMajor: number, locale: Locale): string {
  return formatMoney(amountMajor * minorUnitsPerMajor(env.STORE_CURRENCY), env.STORE_CURRENCY, LOCALE_TAGS[locale], {
    whole: true,
  });
}

export function Price({ amountMinor, locale, className }: { amountMinor: number; locale: Locale; className?: string }) {
  return <span className={className}>{formatPrice(amountMinor, locale)}</span>;
}
