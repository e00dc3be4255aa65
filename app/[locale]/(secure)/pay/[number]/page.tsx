import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { DemoPayButtons } from '@/components/orders/order-buttons';
import { formatPrice } from '@/components/store/price';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { getOrderForViewer } from '@/lib/orders/queries';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string; number: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('pay');

/** The demo payment provider's page (used when Stripe is not configured). Nothing is charged. */
export default async function DemoPayPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const { number } = await params;
  const key = [(await searchParams).key].flat()[0] ?? '';
  const order = await getOrderForViewer(decodeURIComponent(number), key);
  if (!order || order.paymentProvider !== 'demo') notFound();
  const orderHref = `/orders/${encodeURIComponent(order.number)}${key ? `?key=${encodeURIComponent(key)}` : ''}`;
  if (!order.canPay) redirect(orderHref);
  const t = await getTranslations({ locale, namespace: 'pay' });
  const total = formatPrice(order.totalMinor, locale);
  return (
    <div className="container-page flex justify-center py-12">
      <div className="w-full max-w-md rounded-2xl border border-stone-200 bg-white p-6 shadow-sm">
        <p className="text-xs font-semibold uppercase tracking-wide text-brand-700">{t('demoBadge')}</p>
        <h1 className="mt-1 text-2xl font-black">{t('title')}</h1>
        <p className="mt-2 text-sm text-stone-600">{t('intro')}</p>
        <dl className="mt-4 grid grid-cols-2 gap-y-1 text-sm">
          <dt className="text-stone-500">{t('order')}</dt>
          <dd className="text-right font-medium">{order.number}</dd>
          <dt className="text-stone-500">{t('amount')}</dt>
          <dd className="text-right text-lg font-bold">{total}</dd>
        </dl>
        <div className="mt-6">
          <DemoPayButtons number={order.number} orderKey={key} totalLabel={total} />
        </div>
      </div>
    </div>
  );
}
