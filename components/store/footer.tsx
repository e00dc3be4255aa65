import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';

/** One column of the footer's links, named by its heading. */
function LinkGroup({ title, links }: { title: string; links: { href: string; text: string }[] }) {
  return (
    <nav aria-label={title}>
      <p className="font-semibold text-ink">{title}</p>
      <ul className="mt-2 space-y-1">
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className="hover:text-ink hover:underline">
              {link.text}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

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
        <LinkGroup
          title={t('shop')}
          links={(['music', 'film', 'tv', 'games'] as const).map((section) => ({
            href: `/${section}`,
            text: nav(section),
          }))}
        />
        <LinkGroup
          title={t('support')}
          links={[
            { href: '/help', text: t('help') },
            { href: '/search', text: t('search') },
          ]}
        />
      </div>
      <p className="container-page pb-8 text-xs text-stone-500">{t('openSource')}</p>
    </footer>
  );
}
