import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { formatPrice } from '@/components/store/price';
import { Badge } from '@/components/ui/badge';
import { Card, EmptyState } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { Pagination } from '@/components/ui/pagination';
import { userOrSignIn } from '@/lib/auth/guards';
import { LOCALE_TAGS } from '@/lib/i18n/config';
import { resolveLocale } from '@/lib/i18n/server';
import { listOrdersForUser } from '@/lib/orders/queries';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// Reads the session on every request: rendered in full before its first byte (no loading.tsx, whose
// streamed page only a script reveals); the account layout shows a skeleton while a link is pending.
export const instant = false;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'orders' });
  return { title: t('historyTitle') };
}

/** The shopper's order history, newest first. */
export default async function AccountOrdersPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const user = await userOrSignIn('/account/orders');
  const t = await getTranslations({ locale, namespace: 'orders' });
  const page = Math.min(1000, Math.max(1, Number.parseInt([(await searchParams).page].flat()[0] ?? '1', 10) || 1));
  const { items, total } = await listOrdersForUser(user, page);
  const date = new Intl.DateTimeFormat(LOCALE_TAGS[locale], { dateStyle: 'medium' });
  const pages = Math.max(1, Math.ceil(total / 20));
  return (
    <div>
      <PageHeader title={t('historyTitle')} />
      {items.length === 0 ? (
        <EmptyState>
          {t('historyEmpty')}{' '}
          <Link href="/" className="font-semibold text-brand-700 hover:underline">
            {t('startShopping')}
          </Link>
        </EmptyState>
      ) : (
        <Card as="ul" className="mt-6 divide-y divide-stone-200">
          {items.map((order) => (
            <li key={order.number}>
              <Link
                href={`/orders/${order.number}`}
                aria-label={t('viewOrder', { number: order.number })}
                className="flex flex-wrap items-center justify-between gap-3 p-4 hover:bg-stone-50"
              >
                <span>
                  <span className="font-semibold">{order.number}</span>
                  <span className="block text-sm text-stone-600">
                    {date.format(new Date(order.createdAt))} · {t('itemsCount', { count: order.itemCount })}
                  </span>
                </span>
                <span className="flex items-center gap-3">
                  <Badge tone={order.status === 'cancelled' || order.status === 'refunded' ? 'muted' : 'info'}>
                    {t(`status.${order.status}`)}
                  </Badge>
                  <span className="font-semibold tabular-nums">{formatPrice(order.totalMinor, locale)}</span>
                </span>
              </Link>
            </li>
          ))}
        </Card>
      )}
      <Pagination
        page={page}
        pageCount={pages}
        hrefFor={(p) => `/account/orders${p > 1 ? `?page=${p}` : ''}`}
        labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page, pages }) }}
      />
    </div>
  );
}
