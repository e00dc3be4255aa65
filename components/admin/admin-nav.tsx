'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';

/** Sections of the back office. */
export const ADMIN_SECTIONS = [
  { href: '/admin', key: 'overview' },
  { href: '/admin/products', key: 'products' },
  { href: '/admin/stock', key: 'stock' },
  { href: '/admin/orders', key: 'orders' },
  { href: '/admin/returns', key: 'returns' },
  { href: '/admin/customers', key: 'customers' },
  { href: '/admin/reviews', key: 'reviews' },
  { href: '/admin/audit', key: 'audit' },
  { href: '/admin/mail', key: 'mail' },
] as const;

export function AdminNav() {
  const t = useTranslations('admin.nav');
  const pathname = usePathname();
  return (
    <nav aria-label={t('label')}>
      <ul className="flex gap-1 overflow-x-auto text-sm lg:flex-col">
        {ADMIN_SECTIONS.map(({ href, key }) => {
          const current = href === '/admin' ? pathname === href : pathname.startsWith(href);
          return (
            <li key={href}>
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
