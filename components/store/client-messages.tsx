import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';

/**
 * Gives the client components below it these message namespaces. Every message sent to the browser
 * is part of each page's payload (twice, with partial prefetching), so the root layouts pass only
 * what their pages' client components use (root-document.tsx), and the parts that need more (the
 * reviews and wishlist islands, the back office) add a provider of their own. A nested provider
 * replaces rather than extends its parent's messages. Reads no request data: the locale comes from
 * the [locale] segment (setRequestLocale), so static pages stay static.
 */
export async function ClientMessages({
  namespaces,
  locale,
  children,
}: {
  namespaces: readonly string[];
  locale?: Locale;
  children: React.ReactNode;
}) {
  const resolved = locale ?? ((await getLocale()) as Locale);
  const messages = await getMessages({ locale: resolved });
  const picked = Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
  return (
    <NextIntlClientProvider locale={resolved} messages={picked} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
