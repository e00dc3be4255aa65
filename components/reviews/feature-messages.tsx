import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';

/**
 * Gives the client islands of the reviews and wishlist features their message namespaces. The
 * store's root provider passes client components only the namespaces listed in
 * components/store/root-document.tsx (CLIENT_NAMESPACES), and a nested provider replaces rather than
 * extends its parent's messages, so each island gets exactly what it uses. Reads no request data: the
 * locale comes from the [locale] segment (setRequestLocale), so static pages stay static.
 */
export async function FeatureMessages({
  namespaces,
  locale,
  children,
}: {
  namespaces: ('reviews' | 'wishlist')[];
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
