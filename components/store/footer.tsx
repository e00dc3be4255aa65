import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';

export async function Footer({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'footer' });
  const nav = await getTranslations({ locale, namespace: 'header.nav' });
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white">
      <div className="container-page grid gap-8 py-10 text-sm text-stone-600 sm:grid-cols-3">
        <div>
          <p className="text-base font-black text-ink">Encore</p>
          <p className="mt-2 max-w-xs">{t('tagline')}</p>
        </div>
        <nav aria-label={t('shop')}>
          <p className="font-semibold text-ink">{t('shop')}</p>
          <ul className="mt-2 space-y-1">
            {(['music', 'film', 'tv', 'games'] as const).map((section) => (
              <li key={section}>
                <Link href={`/${section}`} className="hover:text-ink hover:underline">
                  {nav(section)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t('support')}>
          <p className="font-semibold text-ink">{t('support')}</p>
          <ul className="mt-2 space-y-1">
            <li>
              <Link href="/help" className="hover:text-ink hover:underline">
                {t('help')}
              </Link>
            </li>
            <li>
              <Link href="/search" className="hover:text-ink hover:underline">
                {t('search')}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="container-page pb-8 text-xs text-stone-500">{t('openSource')}</p>
    </footer>
  );
}
