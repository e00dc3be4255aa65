import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { CheckoutForm } from '@/components/checkout/checkout-form';
import { listAddresses, listCountries } from '@/lib/accounts/address-book';
import { getCurrentUser } from '@/lib/auth/session';
import { getCurrentCart } from '@/lib/rentals/cart';
import { pricingConfig } from '@/lib/checkout/config';
import { computeTotals, needsShipping, shippingOptions } from '@/lib/checkout/pricing';
import { formResult } from '@/lib/http/form-result';
import { resolveLocale } from '@/lib/i18n/server';
import type { CheckoutState } from '@/lib/actions/checkout';
import { formatLabel } from '@/lib/catalog/format-label';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: await resolveLocale(params), namespace: 'checkout' });
  return { title: t('title') };
}

/** Checkout, for guests and signed-in shoppers. A cart with problems goes back to the cart first. */
export default async function CheckoutPage({ params }: Props) {
  const locale = await resolveLocale(params);
  const t = await getTranslations({ locale, namespace: 'checkout' });
  const cart = await getCurrentCart();
  if (cart.lines.length === 0 || cart.blocking || cart.lines.some((l) => l.problems.includes('priceChanged')))
    redirect('/cart');
  const user = await getCurrentUser();
  const priced = cart.lines.map((l) => ({
    unitPriceMinor: l.unitPriceMinor,
    quantity: l.quantity,
    digital: l.digital,
  }));
  const config = pricingConfig();
  const ships = needsShipping(priced);
  return (
    <div className="container-page py-8">
      <h1 className="text-3xl font-black tracking-tight">{t('title')}</h1>
      <div className="mt-6">
        <CheckoutForm
          initial={(await formResult<CheckoutState>('placeOrder')) ?? undefined}
          checkoutKey={crypto.randomUUID()}
          signedIn={user !== null}
          email={user?.email ?? null}
          needsShipping={ships}
          addresses={user ? await listAddresses(user.id) : []}
          countries={listCountries(locale)}
          shippingOptions={shippingOptions(priced, config).map((option) => ({
            ...option,
            totals: computeTotals(priced, option.method, config, cart.depositMinor),
          }))}
          digitalTotals={ships ? null : computeTotals(priced, null, config, cart.depositMinor)}
          lines={cart.lines.map((l) => ({
            id: l.id,
            title: l.title,
            format: formatLabel(l.format, locale),
            quantity: l.quantity,
            lineTotalMinor: l.lineTotalMinor,
            rentalPeriodDays: l.rental?.periodDays ?? null,
          }))}
        />
      </div>
    </div>
  );
}
