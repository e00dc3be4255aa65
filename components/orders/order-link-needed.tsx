import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/config';
import { OrderLinkRequestForm } from './order-link-request-form';

/**
 * What an order's address shows without access: an expired link says so; a missing or wrong key,
 * another shopper's order and an unknown number all look the same. Both offer a new link by mail
 * and, for orders placed with an account, the account's order list.
 */
export async function OrderLinkNeeded({
  number,
  expired,
  signedIn,
  days,
  locale,
}: {
  number: string;
  expired: boolean;
  signedIn: boolean;
  days: number;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: 'orders.link' });
  const path = `/orders/${encodeURIComponent(number)}`;
  const linkClass = 'font-medium text-brand-700 underline hover:no-underline';
  return (
    <article aria-labelledby="order-link-heading" className="max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 id="order-link-heading" className="text-3xl font-black tracking-tight">
          {expired ? t('expiredTitle') : t('deniedTitle')}
        </h1>
        <p className="text-stone-700">{expired ? t('expiredIntro', { days }) : t('deniedIntro', { number })}</p>
        <p className="text-sm text-stone-600">
          {signedIn
            ? t.rich('accountOrders', {
                link: (chunks) => (
                  <Link href="/account/orders" className={linkClass}>
                    {chunks}
                  </Link>
                ),
              })
            : t.rich('signIn', {
                link: (chunks) => (
                  <Link href={`/login?next=${encodeURIComponent(path)}`} className={linkClass}>
                    {chunks}
                  </Link>
                ),
              })}
        </p>
      </header>
      <section aria-labelledby="order-link-form" className="rounded-xl border border-stone-200 bg-white p-4 sm:p-6">
        <h2 id="order-link-form" className="text-lg font-semibold">
          {t('formTitle')}
        </h2>
        <p className="mb-4 mt-1 text-sm text-stone-600">{t('formIntro', { number, days })}</p>
        <OrderLinkRequestForm number={number} />
      </section>
    </article>
  );
}
