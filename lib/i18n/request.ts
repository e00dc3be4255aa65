import { hasLocale } from 'next-intl';
import { getRequestConfig } from 'next-intl/server';
import { DEFAULT_LOCALE, LOCALES } from './config';
import { MESSAGES } from './messages';

// next-intl's per-request configuration. The locale comes from the [locale] route segment
// (set by proxy.ts), never from headers, so pages stay static.
export default getRequestConfig(async ({ requestLocale }) => {
  const requested = await requestLocale;
  const locale = hasLocale(LOCALES, requested) ? requested : DEFAULT_LOCALE;
  return {
    locale,
    messages: MESSAGES[locale],
    timeZone: 'UTC',
  };
});
