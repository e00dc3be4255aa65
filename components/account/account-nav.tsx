'use client';

import { useTranslations } from 'next-intl';
import { SectionNav } from '@/components/ui/section-nav';

/**
 * Sections of the account centre, in menu order. To add one (orders, wishlist…), add its route and a
 * line here, and its label under `account.nav` in both message files.
 */
export const ACCOUNT_SECTIONS = [
  { href: '/account', key: 'overview' },
  { href: '/account/orders', key: 'orders' },
  { href: '/account/rentals', key: 'rentals' },
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
  return <SectionNav label={t('label')} links={ACCOUNT_SECTIONS.map(({ href, key }) => ({ href, text: t(key) }))} />;
}
