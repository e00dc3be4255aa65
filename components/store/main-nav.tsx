'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Suspense } from 'react';

const SECTIONS = ['music', 'film', 'tv', 'games'] as const;

function SectionLinks({ current }: { current?: string }) {
  const t = useTranslations('header');
  return (
    <>
      {SECTIONS.map((section) => {
        const active = current === `/${section}`;
        return (
          <li key={section}>
            <Link
              href={`/${section}`}
              aria-current={active ? 'page' : undefined}
              className={`block whitespace-nowrap rounded-md px-3 py-1.5 hover:bg-stone-100 ${active ? 'bg-stone-900 text-white hover:bg-stone-800' : 'text-stone-700'}`}
            >
              {t(`nav.${section}`)}
            </Link>
          </li>
        );
      })}
    </>
  );
}

function CurrentSectionLinks() {
  return <SectionLinks current={usePathname()} />;
}

/**
 * Section links; the current section is marked. The pathname is only known in the browser, so the
 * static HTML carries unmarked links and the marking streams in.
 */
export function MainNav() {
  const t = useTranslations('header');
  return (
    <nav aria-label={t('sections')} className="border-t border-stone-100">
      <ul className="container-page flex gap-1 overflow-x-auto py-1 text-sm font-medium">
        <Suspense fallback={<SectionLinks />}>
          <CurrentSectionLinks />
        </Suspense>
        <li className="ml-auto">
          <Link
            href="/help"
            className="block whitespace-nowrap rounded-md px-3 py-1.5 text-stone-600 hover:bg-stone-100"
          >
            {t('nav.help')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
