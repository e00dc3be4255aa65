import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrderDetails } from '@/components/orders/order-details';
import { resolveLocale } from '@/lib/i18n/server';
import { getOrderForViewer } from '@/lib/orders/queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'orders' });
  return { title: t('orderNumber', { number: decodeURIComponent(number).slice(0, 20) }) };
}

/**
 * An order's page, for its owner or anyone with its key (the link in its mails and the one the
 * checkout returns to). It only shows what the database says: returning from a payment page never
 * marks anything paid.
 */
export default async function OrderPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { number } = await params;
  const key = [(await searchParams).key].flat()[0] ?? '';
  const order = await getOrderForViewer(decodeURIComponent(number), key);
  if (!order) notFound();
  return (
    <div className="container-page max-w-4xl py-8">
      <OrderDetails order={order} locale={locale} orderKey={key} />
    </div>
  );
}
