import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { CartView } from '@/components/cart/cart-view';
import { CartRecommendations } from '@/components/recommendations/cart-recommendations';
import type { CartActionResult } from '@/lib/actions/cart';
import { getCurrentCart } from '@/lib/rentals/cart';
import { formResult } from '@/lib/http/form-result';
import { resolveLocale } from '@/lib/i18n/server';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'cart' });
  return { title: t('title') };
}

export default async function CartPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'cart' });
  const cart = await getCurrentCart();
  return (
    <div className="container-page py-8">
      <h1 className="text-3xl font-black tracking-tight">{t('title')}</h1>
      <div className="mt-6">
        <CartView
          cart={cart}
          posted={{
            update: await formResult<CartActionResult>('updateCartLine'),
            remove: await formResult<CartActionResult>('removeCartLine'),
          }}
        />
      </div>
      <CartRecommendations locale={locale} />
    </div>
  );
}
