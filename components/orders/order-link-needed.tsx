import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Section } from '@/components/ui/card';
import type { OrderLinkState } from '@/lib/actions/orders';
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
  answer = null,
}: {
  number: string;
  expired: boolean;
  signedIn: boolean;
  days: number;
  locale: Locale;
  /** The answer to the request form when it was posted without JavaScript (lib/http/form-result.ts). */
  answer?: OrderLinkState;
}) {
  const t = await getTranslations({ locale, namespace: 'orders.link' });
  const path = `/orders/${encodeURIComponent(number)}`;
  // Where a shopper can see the order without this link: their account's orders, or signing in first.
  const [way, href] = signedIn
    ? (['accountOrders', '/account/orders'] as const)
    : (['signIn', `/login?next=${encodeURIComponent(path)}`] as const);
  return (
    <article aria-labelledby="order-link-heading" className="max-w-2xl space-y-6">
      <header className="space-y-2">
        <h1 id="order-link-heading" className="text-3xl font-black tracking-tight">
          {expired ? t('expiredTitle') : t('deniedTitle')}
        </h1>
        <p className="text-stone-700">{expired ? t('expiredIntro', { days }) : t('deniedIntro', { number })}</p>
        <p className="text-sm text-stone-600">
          {t.rich(way, {
            link: (chunks) => (
              <Link href={href} className="font-medium text-brand-700 underline hover:no-underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </header>
      <Section
        id="order-link-form"
        title={t('formTitle')}
        className="p-4 sm:p-6"
        headingClassName="text-lg font-semibold"
      >
        <p className="mb-4 mt-1 text-sm text-stone-600">{t('formIntro', { number, days })}</p>
        <OrderLinkRequestForm number={number} initial={answer} />
      </Section>
    </article>
  );
}
