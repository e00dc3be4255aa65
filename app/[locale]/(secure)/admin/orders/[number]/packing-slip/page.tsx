import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { PackingSlip } from '@/components/admin/orders/packing-slip';
import { getOrderForAdmin } from '@/lib/admin/orders/detail-queries';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.orders.packingSlip' });
  const { number } = await params;
  return { title: t('pageTitle', { number: decodeURIComponent(number).slice(0, 20) }) };
}

/** A printable packing slip (print styles hide the site and the back-office navigation). */
export default async function PackingSlipPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const { number } = await params;
  const order = await getOrderForAdmin(decodeURIComponent(number).slice(0, 20));
  if (!order) notFound();
  return <PackingSlip order={order} locale={locale} />;
}
