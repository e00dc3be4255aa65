'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { useFormatMoney } from '@/components/providers';
import { Cover } from '@/components/store/cover';
import { Badge } from '@/components/ui/badge';
import type { WishlistEntry } from '@/lib/wishlist/types';
import { useSetWished, useWishlist, WishlistError } from './use-wishlist';

const TONES = { in_stock: 'success', preorder: 'brand', out_of_stock: 'muted', unavailable: 'muted' } as const;

/**
 * The products on /account/wishlist, with remove buttons. It reads the same wishlist cache as the
 * product page toggles, so a product removed here (or on a product page) disappears from both at once.
 */
export function WishlistGrid({ entries }: { entries: WishlistEntry[] }) {
  const t = useTranslations('wishlist');
  const format = useFormatter();
  const money = useFormatMoney();
  const { data } = useWishlist();
  const setWished = useSetWished();
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const wished = data?.signedIn ? new Set(data.productIds) : null;
  const visible = wished ? entries.filter((entry) => wished.has(entry.productId)) : entries;

  function remove(entry: WishlistEntry) {
    setMessage(null);
    setWished.mutate(
      { productId: entry.productId, wish: false },
      {
        onSuccess: () => {
          setMessage({ tone: 'ok', text: t('removed') });
          // The card and its button are gone: keep the keyboard in the list, not at the top of the page.
          requestAnimationFrame(() => summaryRef.current?.focus());
        },
        onError: (error) => {
          const key = error instanceof WishlistError ? error.key : 'unexpected';
          setMessage({ tone: 'error', text: t.has(`errors.${key}`) ? t(`errors.${key}`) : t('errors.unexpected') });
        },
      },
    );
  }

  const status = (
    <p
      role="status"
      aria-live="polite"
      className={`mt-2 text-sm ${message?.tone === 'error' ? 'font-medium text-brand-700' : 'text-emerald-800'}`}
    >
      {message?.text}
    </p>
  );

  if (visible.length === 0) {
    return (
      <div>
        {status}
        <div className="mt-4 rounded-lg border border-dashed border-stone-300 p-6 text-sm text-stone-600">
          <p className="font-semibold text-stone-800">{t('page.empty')}</p>
          <p className="mt-1">{t('page.emptyHint')}</p>
          <Link href="/" className="mt-3 inline-block font-semibold text-brand-700 hover:underline">
            {t('page.browse')}
          </Link>
        </div>
      </div>
    );
  }

  return (
    <div>
      <p ref={summaryRef} tabIndex={-1} className="mt-4 text-sm text-stone-600 outline-none">
        {t('page.count', { count: visible.length })}
      </p>
      {status}
      <ul className="mt-4 grid grid-cols-2 gap-x-4 gap-y-8 sm:grid-cols-3 xl:grid-cols-4">
        {visible.map((entry) => {
          const titleId = `wish-${entry.productId}`;
          const drop =
            entry.fromPriceMinor !== null && entry.priceSeenMinor !== null
              ? entry.priceSeenMinor - entry.fromPriceMinor
              : 0;
          const removing = setWished.isPending && setWished.variables?.productId === entry.productId;
          return (
            <li key={entry.productId}>
              <article aria-labelledby={titleId} className="flex h-full flex-col">
                <Cover url={entry.coverUrl} kind={entry.kind} alt="" />
                <h2 id={titleId} className="mt-2 line-clamp-2 text-sm font-semibold leading-snug">
                  {entry.availability === 'unavailable' ? (
                    entry.title
                  ) : (
                    <Link href={`/products/${entry.slug}`} className="hover:underline">
                      {entry.title}
                    </Link>
                  )}
                </h2>
                {entry.credit && <p className="line-clamp-1 text-xs text-stone-600">{entry.credit}</p>}
                <div className="mt-1 flex flex-wrap items-center gap-1">
                  <Badge tone={TONES[entry.availability]}>{t(`page.availability.${entry.availability}`)}</Badge>
                  {entry.fromPriceMinor !== null && (
                    <span className="text-sm font-semibold">
                      {t('page.fromPrice', { price: money(entry.fromPriceMinor) })}
                    </span>
                  )}
                </div>
                {drop > 0 && (
                  <p className="mt-1 text-xs font-medium text-emerald-700">
                    {t('page.priceDrop', { amount: money(drop) })}
                  </p>
                )}
                <p className="mt-1 text-xs text-stone-500">
                  {t('page.addedOn', { date: format.dateTime(new Date(entry.addedAt), { dateStyle: 'medium' }) })}
                </p>
                <div className="mt-auto pt-2">
                  <button
                    type="button"
                    onClick={() => remove(entry)}
                    disabled={removing}
                    aria-busy={removing || undefined}
                    aria-label={t('page.removeLabel', { title: entry.title })}
                    className="rounded-full px-3 py-1.5 text-xs font-semibold ring-1 ring-stone-300 hover:bg-stone-100 disabled:text-stone-400"
                  >
                    {removing ? t('page.removing') : t('page.remove')}
                  </button>
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
