import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AdminOrderView } from '@/components/admin/orders/order-view';
import { getOrderForAdmin } from '@/lib/admin/orders/detail-queries';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string; number: string }> };

async function load(params: Props['params']) {
  const { number } = await params;
  const order = await getOrderForAdmin(decodeURIComponent(number).slice(0, 20));
  if (!order) notFound();
  return order;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'admin.orders' });
  const { number } = await params;
  return { title: t('orderNumber', { number: decodeURIComponent(number).slice(0, 20) }) };
}

/** One order in the back office: lines, payments, timeline, customer, and what staff can do next. */
export default async function AdminOrderPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const order = await load(params);
  return <AdminOrderView order={order} locale={locale} />;
}
