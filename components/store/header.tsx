import Link from 'next/link';
import { Suspense } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { AccountMenu } from './account-menu';
import { CartButton } from './cart-button';
import { LanguageSwitcher } from './language-switcher';
import { MainNav } from './main-nav';
import { SearchBox, SearchBoxFallback } from './search-box';

/**
 * The store header: logo, sections, search with suggestions, language. Per-user parts (account,
 * cart) are client islands so that catalog pages stay static.
 */
export async function Header({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'header' });
  return (
    <header className="sticky top-0 z-30 border-b border-stone-200 bg-white/95 backdrop-blur">
      <div className="container-page flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
        <Link
          href="/"
          className="flex items-center gap-2 text-xl font-black tracking-tight text-ink"
          aria-label={t('home')}
        >
          <span aria-hidden className="grid size-8 place-items-center rounded-full bg-brand-600 text-sm text-white">
            ●
          </span>
          Encore
        </Link>
        <div className="order-3 w-full sm:order-none sm:w-auto sm:flex-1">
          <Suspense fallback={<SearchBoxFallback label={t('searchLabel')} placeholder={t('searchPlaceholder')} />}>
            <SearchBox />
          </Suspense>
        </div>
        <div className="ml-auto flex items-center gap-2" data-slot="header-actions">
          <LanguageSwitcher locale={locale} />
          <AccountMenu />
          <CartButton />
        </div>
      </div>
      <MainNav />
    </header>
  );
}
