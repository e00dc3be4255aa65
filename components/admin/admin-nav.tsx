'use client';

import { useTranslations } from 'next-intl';
import { SectionNav } from '@/components/ui/section-nav';

/** Sections of the back office. */
export const ADMIN_SECTIONS = [
  { href: '/admin', key: 'overview' },
  { href: '/admin/products', key: 'products' },
  { href: '/admin/stock', key: 'stock' },
  { href: '/admin/rentals', key: 'rentals' },
  { href: '/admin/orders', key: 'orders' },
  { href: '/admin/returns', key: 'returns' },
  { href: '/admin/customers', key: 'customers' },
  { href: '/admin/reviews', key: 'reviews' },
  { href: '/admin/audit', key: 'audit' },
  { href: '/admin/mail', key: 'mail' },
] as const;

export function AdminNav() {
  const t = useTranslations('admin.nav');
  return <SectionNav label={t('label')} links={ADMIN_SECTIONS.map(({ href, key }) => ({ href, text: t(key) }))} />;
}
