import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { OrderDetails } from '@/components/orders/order-details';
import { OrderLinkNeeded } from '@/components/orders/order-link-needed';
import type { OrderLinkState } from '@/lib/actions/orders';
import { getCurrentUser } from '@/lib/auth/session';
import { formResult } from '@/lib/http/form-result';
import { resolveLocale } from '@/lib/i18n/server';
import { orderLinkDays } from '@/lib/orders/order-link';
import { getOrderAccess, isOrderNumber } from '@/lib/orders/queries';

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
 * An order's page, for its owner or anyone with a valid key (the link in its mails and the one the
 * checkout returns to). It only shows what the database says: returning from a payment page never
 * marks anything paid. Without access (an expired, missing or wrong key) it explains how to get a
 * new link by mail, the same way whether or not the order exists.
 */
export default async function OrderPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const number = decodeURIComponent((await params).number);
  if (!isOrderNumber(number)) notFound();
  const key = [(await searchParams).key].flat()[0] ?? '';
  const access = await getOrderAccess(number, key);
  return (
    <div className="container-page max-w-4xl py-8">
      {access.kind === 'order' ? (
        <OrderDetails order={access.order} locale={locale} orderKey={key} />
      ) : (
        <OrderLinkNeeded
          number={number}
          expired={access.kind === 'expired'}
          signedIn={(await getCurrentUser()) !== null}
          days={orderLinkDays()}
          locale={locale}
          answer={await formResult<OrderLinkState>('requestOrderLink')}
        />
      )}
    </div>
  );
}
