'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

/**
 * Sections of the account centre, in menu order. To add one (orders, wishlist…), add its route and a
 * line here, and its label under `account.nav` in both message files.
 */
export const ACCOUNT_SECTIONS = [
  { href: '/account', key: 'overview' },
  { href: '/account/orders', key: 'orders' },
  { href: '/account/wishlist', key: 'wishlist' },
  { href: '/account/profile', key: 'profile' },
  { href: '/account/security', key: 'security' },
  { href: '/account/addresses', key: 'addresses' },
  { href: '/account/delete', key: 'delete' },
] as const;

export type AccountSectionKey = (typeof ACCOUNT_SECTIONS)[number]['key'];

/** The account sub-navigation: a scrolling row on phones, a column beside the page on wide screens. */
export function AccountNav() {
  const t = useTranslations('account.nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')}>
      <ul className="flex gap-1 overflow-x-auto pb-1 text-sm lg:flex-col lg:pb-0">
        {ACCOUNT_SECTIONS.map(({ href, key }) => {
          const current =
            href === '/account' ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={href} className="shrink-0">
              <Link
                href={href}
                aria-current={current ? 'page' : undefined}
                className={`block whitespace-nowrap rounded-md px-3 py-2 ${current ? 'bg-stone-900 text-white' : 'hover:bg-stone-100'}`}
              >
                {t(key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
