import 'server-only';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { isLocale, LOCALE_COOKIE, type Locale, negotiateLocale } from './config';

/**
 * Reads the [locale] segment of a page or layout, 404s on anything else, and tells next-intl the
 * locale so that rendering stays static (no request headers are read).
 */
export async function resolveLocale(params: Promise<{ locale: string }>): Promise<Locale> {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return locale;
}

/** The visitor's language in a server action or route handler (cookie, then Accept-Language). */
export async function requestLocale(): Promise<Locale> {
  return negotiateLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
}

/** A page's `generateMetadata` whose title is the `key` message of `namespace`, in the page's language. */
export function titleMetadata(namespace: string, key = 'title') {
  return async ({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> => {
    const t = await getTranslations({ locale: await resolveLocale(params), namespace });
    return { title: t(key) };
  };
}
