'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useOptimistic } from 'react';
import { useFormatMoney } from '@/components/providers';
import { useRefreshCart } from '@/components/store/use-cart';
import { buttonClass } from '@/components/ui/button';
import { Section } from '@/components/ui/card';
import { FormStatus } from '@/components/ui/form/form-message';
import { SubmitButton } from '@/components/ui/form/submit-button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import {
  acknowledgePricesAction,
  type CartActionResult,
  removeCartLineAction,
  updateCartLineAction,
} from '@/lib/actions/cart';
import type { CartView as Cart } from '@/lib/cart/queries';

type Change = { lineId: number; quantity: number };

/** The change a line's form asks for: its new quantity, or 0 for "remove". */
const changeOf = (formData: FormData): Change => ({
  lineId: Number(formData.get('lineId')),
  quantity: formData.has('quantity') ? Number(formData.get('quantity')) : 0,
});

/** A line's small text button ("Update", "Remove"), named with the line's title. */
function LineButton({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <button type="submit" className="text-sm text-stone-600 underline hover:text-stone-900" aria-label={label}>
      {children}
    </button>
  );
}

/**
 * The cart: quantities change optimistically (the server answer then replaces the guess), lines can
 * be removed, and every line whose edition sold out, went off sale or changed price says so. A rental
 * line is one copy (no quantity): it shows its period, deposit and daily late fee, and the summary
 * shows the deposits apart from the subtotal. Each
 * change is a form: with JavaScript a new quantity is sent as soon as it is chosen; without, an
 * "Update" button sends it and the page comes back with the new cart.
 */
export function CartView({
  cart,
  posted,
}: {
  cart: Cart;
  /** The answers to a quantity change or removal posted without JavaScript (lib/http/form-result.ts). */
  posted?: { update: CartActionResult | null; remove: CartActionResult | null };
}) {
  const t = useTranslations('cart');
  const common = useTranslations('common');
  const money = useFormatMoney();
  const refreshCart = useRefreshCart();
  const [lines, applyOptimistic] = useOptimistic(cart.lines, (current, change: Change) =>
    change.quantity === 0
      ? current.filter((line) => line.id !== change.lineId)
      : current.map((line) =>
          line.id === change.lineId
            ? { ...line, quantity: change.quantity, lineTotalMinor: line.unitPriceMinor * change.quantity }
            : line,
        ),
  );
  const changeOptions = {
    optimistic: (formData: FormData) => applyOptimistic(changeOf(formData)),
    onSuccess: () => void refreshCart(),
  };
  const update = useActionForm(updateCartLineAction, { ...changeOptions, initial: posted?.update });
  const remove = useActionForm(removeCartLineAction, { ...changeOptions, initial: posted?.remove });
  const acknowledge = useActionForm(acknowledgePricesAction);
  const pending = update.pending || remove.pending;
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const deposit = lines.reduce((sum, line) => sum + (line.rental?.depositMinor ?? 0), 0);
  const priceChanged = lines.some((line) => line.problems.includes('priceChanged'));
  const messages = [
    update.state?.ok === false ? t(`errors.${update.state.error}`) : null,
    update.state?.ok && update.state.capped ? t('limitedTo', { quantity: update.state.quantity }) : null,
    remove.state?.ok === false ? t(`errors.${remove.state.error}`) : null,
  ].filter(Boolean);

  if (lines.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
        <p className="font-semibold">{t('empty')}</p>
        <Link href="/" className={buttonClass('primary', 'mt-4')}>
          {t('continueShopping')}
        </Link>
      </div>
    );
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <div>
        <FormStatus className="min-h-5 text-sm text-brand-700">{messages.join(' ')}</FormStatus>
        <ul aria-label={t('lines')} className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {lines.map((line) => (
            <li key={line.id} className="flex gap-4 p-4" aria-labelledby={`line-${line.id}`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- generated SVG covers */}
              {line.coverUrl && <img src={line.coverUrl} alt="" className="size-20 rounded-md object-cover" />}
              <div className="min-w-0 flex-1">
                <Link id={`line-${line.id}`} href={`/products/${line.slug}`} className="font-semibold hover:underline">
                  {line.title}
                </Link>
                <p className="text-sm text-stone-600">
                  {[common(`format.${line.format}`), line.editionName].filter(Boolean).join(' · ')}
                </p>
                {line.rental && (
                  <>
                    <p className="text-sm font-medium">{t('rentalLine', { days: line.rental.periodDays })}</p>
                    <p className="text-sm text-stone-600">
                      {t('rentalTerms', {
                        deposit: money(line.rental.depositMinor),
                        lateFee: money(line.rental.lateFeePerDayMinor),
                      })}
                    </p>
                  </>
                )}
                {line.problems.map((problem) => (
                  <p key={problem} className="mt-1 text-sm font-medium text-brand-700">
                    {t(`problems.${problem}`, {
                      stock: line.stock,
                      price: money(line.unitPriceMinor),
                      was: money(line.priceSeenMinor),
                    })}
                  </p>
                ))}
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  {line.kind === 'purchase' && (
                    <form {...update.form} className="flex items-center gap-2">
                      <input type="hidden" name="lineId" value={line.id} />
                      <label className="flex items-center gap-2 text-sm">
                        <span>{t('quantity')}</span>
                        <select
                          name="quantity"
                          value={line.quantity}
                          disabled={line.digital || pending}
                          onChange={(event) => event.currentTarget.form?.requestSubmit()}
                          className="rounded-md border border-stone-300 bg-white px-2 py-1"
                          aria-label={t('quantityOf', { title: line.title })}
                        >
                          {Array.from({ length: Math.max(cart.maxQuantity, line.quantity) }, (_, i) => i + 1).map(
                            (n) => (
                              <option key={n} value={n}>
                                {n}
                              </option>
                            ),
                          )}
                        </select>
                      </label>
                      {!line.digital && (
                        // Without JavaScript, choosing a quantity sends nothing: this button does.
                        <noscript>
                          <LineButton label={t('updateQuantityOf', { title: line.title })}>
                            {t('updateQuantity')}
                          </LineButton>
                        </noscript>
                      )}
                    </form>
                  )}
                  <form {...remove.form}>
                    <input type="hidden" name="lineId" value={line.id} />
                    <LineButton label={t('removeItem', { title: line.title })}>{t('remove')}</LineButton>
                  </form>
                </div>
              </div>
              <p className="text-right font-semibold tabular-nums">{money(line.lineTotalMinor)}</p>
            </li>
          ))}
        </ul>
      </div>
      <Section as="aside" id="cart-summary" title={t('summary')} className="h-fit p-4">
        <p className="mt-3 flex justify-between text-sm">
          <span>{t('subtotal')}</span>
          <span className="font-semibold tabular-nums">{money(subtotal)}</span>
        </p>
        {deposit > 0 && (
          <>
            <p className="mt-1 flex justify-between text-sm">
              <span>{t('deposit')}</span>
              <span className="font-semibold tabular-nums">{money(deposit)}</span>
            </p>
            <p className="mt-1 text-xs text-stone-500">{t('depositNote')}</p>
          </>
        )}
        <p className="mt-1 text-xs text-stone-500">{t('shippingAtCheckout')}</p>
        {priceChanged && (
          <form {...acknowledge.form}>
            <SubmitButton variant="secondary" className="mt-4 w-full px-4">
              {t('acceptPrices')}
            </SubmitButton>
          </form>
        )}
        {cart.blocking || priceChanged ? (
          <p className="mt-4 text-sm text-brand-700">{t('fixBeforeCheckout')}</p>
        ) : (
          <Link href="/checkout" className={buttonClass('primary', 'mt-4 w-full')}>
            {t('checkout')}
          </Link>
        )}
      </Section>
    </div>
  );
}
