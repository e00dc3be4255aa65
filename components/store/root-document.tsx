import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { Providers } from '@/components/providers';
import { env } from '@/lib/env';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { ClientMessages } from './client-messages';
import { Footer } from './footer';
import { Header } from './header';

/**
 * The message namespaces client components receive: on catalog pages only what their islands use
 * (header, search box, player, sort, add to cart); per-user pages add sign-in, account, checkout and
 * orders. The back office adds its own in its layout (ClientMessages).
 */
export const STORE_CLIENT_NAMESPACES = ['common', 'header', 'search', 'player', 'browse', 'cart'] as const;
export const SECURE_CLIENT_NAMESPACES = [
  ...STORE_CLIENT_NAMESPACES,
  'auth',
  'account',
  'checkout',
  'orders',
  'pay',
] as const;

/** Metadata shared by every page of the store. */
export async function storeMetadata(locale: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: 'meta' });
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: t('title'), template: `%s · ${t('siteName')}` },
    description: t('description'),
    applicationName: t('siteName'),
    openGraph: { siteName: t('siteName'), locale: LOCALE_TAGS[locale].replace('-', '_'), type: 'website' },
  };
}

/**
 * The <html> document around every page: header, footer, translations and client providers. Used by
 * the two root layouts: the static catalog and the per-user pages (which pass a CSP nonce).
 */
export async function RootDocument({
  locale,
  clientNamespaces,
  children,
}: {
  locale: Locale;
  clientNamespaces: readonly string[];
  children: React.ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'header' });
  return (
    <html lang={LOCALE_TAGS[locale]}>
      <body className="flex min-h-dvh flex-col font-sans antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          {t('skipToContent')}
        </a>
        <ClientMessages namespaces={clientNamespaces} locale={locale}>
          <Providers currency={env.STORE_CURRENCY}>
            <Header locale={locale} />
            <main id="main" className="flex-1">
              {children}
            </main>
            <Footer locale={locale} />
          </Providers>
        </ClientMessages>
      </body>
    </html>
  );
}
