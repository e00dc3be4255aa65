'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useSetWished, useWishlist, WishlistError } from './use-wishlist';

/**
 * The wishlist toggle of a product page (a client island: the page is static and the same for
 * everyone). A toggle button (aria-pressed) for shoppers; a link to sign in for visitors.
 */
export function WishlistToggle({ productId }: { productId: number }) {
  const t = useTranslations('wishlist');
  const { data, isPending } = useWishlist();
  const setWished = useSetWished();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  if (isPending) {
    return <span aria-hidden className="inline-block h-9 w-44 animate-pulse rounded-full bg-stone-100" />;
  }
  if (data && !data.signedIn) return <SignInToWish label={t('signIn')} />;
  const wished = data?.productIds.includes(productId) ?? false;

  function toggle() {
    const wish = !wished;
    setMessage(null);
    setWished.mutate(
      { productId, wish },
      {
        onSuccess: () => setMessage({ tone: 'ok', text: wish ? t('added') : t('removed') }),
        onError: (error) => {
          const key = error instanceof WishlistError ? error.key : 'unexpected';
          setMessage({ tone: 'error', text: t.has(`errors.${key}`) ? t(`errors.${key}`) : t('errors.unexpected') });
        },
      },
    );
  }

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <button
        type="button"
        aria-pressed={wished}
        onClick={toggle}
        className={`inline-flex items-center gap-2 rounded-full px-4 py-2 text-sm font-semibold ring-1 transition ${
          wished ? 'bg-brand-50 text-brand-700 ring-brand-600' : 'ring-stone-300 hover:bg-stone-100'
        }`}
      >
        <span aria-hidden className={wished ? 'text-brand-600' : ''}>
          {wished ? '♥' : '♡'}
        </span>
        {t('save')}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`text-xs ${message?.tone === 'error' ? 'font-medium text-brand-700' : 'text-emerald-700'}`}
      >
        {message?.text}
        {message?.tone === 'ok' && wished && (
          <>
            {' '}
            <Link href="/account/wishlist" className="font-semibold underline">
              {t('view')}
            </Link>
          </>
        )}
      </p>
    </div>
  );
}

/**
 * For visitors: sign in, then come back to this page. Rendered only once the wishlist request has
 * answered (never while the static page is prerendered), so reading the URL here keeps the page static.
 */
function SignInToWish({ label }: { label: string }) {
  const pathname = usePathname();
  return (
    <Link
      href={`/login?next=${encodeURIComponent(pathname || '/')}`}
      className="inline-flex items-center gap-2 rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
    >
      <span aria-hidden>♡</span>
      {label}
    </Link>
  );
}
