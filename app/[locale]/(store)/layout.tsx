import type { Metadata, Viewport } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { Providers } from '@/components/providers';
import { Footer } from '@/components/store/footer';
import { Header } from '@/components/store/header';
import { env } from '@/lib/env';
import { LOCALE_TAGS, LOCALES } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import '../globals.css';

type Props = { children: React.ReactNode; params: Promise<{ locale: string }> };

export function generateStaticParams() {
  return LOCALES.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: Pick<Props, 'params'>): Promise<Metadata> {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'meta' });
  return {
    metadataBase: new URL(env.SITE_URL),
    title: { default: t('title'), template: `%s · ${t('siteName')}` },
    description: t('description'),
    applicationName: t('siteName'),
    openGraph: { siteName: t('siteName'), locale: LOCALE_TAGS[locale].replace('-', '_'), type: 'website' },
  };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#fafaf9' };

/** Client components only receive the message namespaces they use. */
const CLIENT_NAMESPACES = ['common', 'header', 'search', 'player', 'browse'] as const;

export default async function LocaleLayout({ children, params }: Props) {
  const locale = await resolveLocale(params);
  const messages = await getMessages({ locale });
  const clientMessages = Object.fromEntries(CLIENT_NAMESPACES.map((ns) => [ns, messages[ns]]));
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
        <NextIntlClientProvider locale={locale} messages={clientMessages} timeZone="UTC">
          <Providers currency={env.STORE_CURRENCY}>
            <Header locale={locale} />
            <main id="main" className="flex-1">
              {children}
            </main>
            <Footer locale={locale} />
          </Providers>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
