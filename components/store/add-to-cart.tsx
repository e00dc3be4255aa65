'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { addToCartAction } from '@/lib/actions/cart';
import { useRefreshCart } from './use-cart';

/** "Add to cart" for one edition, with the outcome announced (added, limited by stock, sold out). */
export function AddToCart({
  editionId,
  available,
  preorder,
}: {
  editionId: number;
  available: boolean;
  preorder: boolean;
}) {
  const t = useTranslations('cart');
  const refreshCart = useRefreshCart();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  function add() {
    startTransition(async () => {
      const result = await addToCartAction(editionId, 1);
      if (result.ok) {
        setMessage({ tone: 'ok', text: result.capped ? t('addedCapped', { quantity: result.quantity }) : t('added') });
        await refreshCart();
      } else {
        setMessage({ tone: 'error', text: t(`errors.${result.error}`) });
      }
    });
  }

  return (
    <div>
      <button
        type="button"
        onClick={add}
        disabled={!available || pending}
        aria-busy={pending || undefined}
        className="w-full rounded-full bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700 disabled:bg-stone-300 disabled:text-stone-600"
      >
        {!available ? t('soldOut') : pending ? t('adding') : preorder ? t('preorder') : t('addToCart')}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`mt-1 min-h-4 text-xs ${message?.tone === 'error' ? 'text-brand-700' : 'text-emerald-700'}`}
      >
        {message?.text}
        {message?.tone === 'ok' && (
          <>
            {' '}
            <Link href="/cart" className="font-semibold underline">
              {t('viewCart')}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}
