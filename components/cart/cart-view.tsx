'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useOptimistic, useState, useTransition } from 'react';
import { useFormatMoney } from '@/components/providers';
import { useRefreshCart } from '@/components/store/use-cart';
import { acknowledgePricesAction, removeCartLineAction, updateCartLineAction } from '@/lib/actions/cart';
import type { CartView as Cart } from '@/lib/cart/queries';

type Change = { lineId: number; quantity: number };

/**
 * The cart: quantities change optimistically (the server answer then replaces the guess), lines can
 * be removed, and every line whose edition sold out, went off sale or changed price says so.
 */
export function CartView({ cart }: { cart: Cart }) {
  const t = useTranslations('cart');
  const money = useFormatMoney();
  const router = useRouter();
  const refreshCart = useRefreshCart();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [lines, applyOptimistic] = useOptimistic(cart.lines, (current, change: Change) =>
    change.quantity === 0
      ? current.filter((line) => line.id !== change.lineId)
      : current.map((line) =>
          line.id === change.lineId
            ? { ...line, quantity: change.quantity, lineTotalMinor: line.unitPriceMinor * change.quantity }
            : line,
        ),
  );
  const subtotal = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0);
  const priceChanged = lines.some((line) => line.problems.includes('priceChanged'));

  function change(lineId: number, quantity: number) {
    startTransition(async () => {
      applyOptimistic({ lineId, quantity });
      const result = quantity === 0 ? await removeCartLineAction(lineId) : await updateCartLineAction(lineId, quantity);
      if (!result.ok) setMessage(t(`errors.${result.error}`));
      else if (result.capped) setMessage(t('limitedTo', { quantity: result.quantity }));
      else setMessage(null);
      await refreshCart();
      router.refresh();
    });
  }

  if (lines.length === 0) {
    return (
      <div className="rounded-xl border border-dashed border-stone-300 p-10 text-center">
        <p className="font-semibold">{t('empty')}</p>
        <Link
          href="/"
          className="mt-4 inline-block rounded-full bg-stone-900 px-5 py-2 text-sm font-semibold text-white"
        >
          {t('continueShopping')}
        </Link>
      </div>
    );
  }

  return (
    <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
      <div>
        <p role="status" aria-live="polite" className="min-h-5 text-sm text-brand-700">
          {message}
        </p>
        <ul aria-label={t('lines')} className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
          {lines.map((line) => (
            <li key={line.id} className="flex gap-4 p-4" aria-labelledby={`line-${line.id}`}>
              {/* eslint-disable-next-line @next/next/no-img-element -- generated SVG covers */}
              {line.coverUrl && <img src={line.coverUrl} alt="" className="size-20 rounded-md object-cover" />}
              <div className="min-w-0 flex-1">
                <Link id={`line-${line.id}`} href={`/products/${line.slug}`} className="font-semibold hover:underline">
                  {line.title}
                </Link>
                <p className="text-sm text-stone-600">{[line.format, line.editionName].filter(Boolean).join(' · ')}</p>
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
                  <label className="flex items-center gap-2 text-sm">
                    <span>{t('quantity')}</span>
                    <select
                      value={line.quantity}
                      disabled={line.digital || pending}
                      onChange={(event) => change(line.id, Number(event.target.value))}
                      className="rounded-md border border-stone-300 bg-white px-2 py-1"
                      aria-label={t('quantityOf', { title: line.title })}
                    >
                      {Array.from({ length: Math.max(cart.maxQuantity, line.quantity) }, (_, i) => i + 1).map((n) => (
                        <option key={n} value={n}>
                          {n}
                        </option>
                      ))}
                    </select>
                  </label>
                  <button
                    type="button"
                    onClick={() => change(line.id, 0)}
                    className="text-sm text-stone-600 underline hover:text-stone-900"
                    aria-label={t('removeItem', { title: line.title })}
                  >
                    {t('remove')}
                  </button>
                </div>
              </div>
              <p className="text-right font-semibold tabular-nums">{money(line.lineTotalMinor)}</p>
            </li>
          ))}
        </ul>
      </div>
      <aside className="h-fit rounded-xl border border-stone-200 bg-white p-4" aria-labelledby="cart-summary">
        <h2 id="cart-summary" className="font-bold">
          {t('summary')}
        </h2>
        <p className="mt-3 flex justify-between text-sm">
          <span>{t('subtotal')}</span>
          <span className="font-semibold tabular-nums">{money(subtotal)}</span>
        </p>
        <p className="mt-1 text-xs text-stone-500">{t('shippingAtCheckout')}</p>
        {priceChanged && (
          <button
            type="button"
            className="mt-4 w-full rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
            onClick={() =>
              startTransition(async () => {
                await acknowledgePricesAction();
                router.refresh();
              })
            }
          >
            {t('acceptPrices')}
          </button>
        )}
        {cart.blocking || priceChanged ? (
          <p className="mt-4 text-sm text-brand-700">{t('fixBeforeCheckout')}</p>
        ) : (
          <Link
            href="/checkout"
            className="mt-4 block rounded-full bg-stone-900 px-4 py-2 text-center text-sm font-semibold text-white hover:bg-stone-700"
          >
            {t('checkout')}
          </Link>
        )}
      </aside>
    </div>
  );
}
