'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '@/components/ui/use-dismiss';
import { useFormatMoney } from '@/components/providers';
import { useCartSummary } from './use-cart';

/** The cart in the header: the item count, and a mini-cart with the lines and the subtotal. */
export function CartButton() {
  const t = useTranslations('cart');
  const common = useTranslations('common');
  const money = useFormatMoney();
  const { data } = useCartSummary();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const panelId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const count = data?.itemCount ?? 0;

  useDismiss(open, ref, close);

  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        className="relative flex items-center gap-1 rounded-full px-3 py-1.5 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.8">
          <path d="M3 4h2l2.4 11.2a2 2 0 0 0 2 1.6h7.7a2 2 0 0 0 2-1.5L21 8H6.2" />
          <circle cx="10" cy="20" r="1.3" />
          <circle cx="17" cy="20" r="1.3" />
        </svg>
        <span className="sr-only">{t('cartWithCount', { count })}</span>
        <span aria-hidden className="tabular-nums">
          {count}
        </span>
      </button>
      {open && (
        <div
          id={panelId}
          role="dialog"
          aria-label={t('miniCart')}
          className="absolute right-0 z-40 mt-2 w-80 rounded-xl border border-stone-200 bg-white p-4 shadow-lg"
        >
          {!data || data.lines.length === 0 ? (
            <p className="text-sm text-stone-600">{t('empty')}</p>
          ) : (
            <>
              <ul className="max-h-72 space-y-3 overflow-auto">
                {data.lines.map((line) => (
                  <li key={line.id} className="flex gap-3 text-sm">
                    {/* eslint-disable-next-line @next/next/no-img-element -- generated SVG covers */}
                    {line.coverUrl && <img src={line.coverUrl} alt="" className="size-12 rounded object-cover" />}
                    <div className="min-w-0 flex-1">
                      <p className="truncate font-medium">{line.title}</p>
                      <p className="text-xs text-stone-600">
                        {line.rental
                          ? t('rentalLine', { days: line.rental.periodDays })
                          : t('lineSummary', { quantity: line.quantity, format: common(`format.${line.format}`) })}
                      </p>
                      {line.problems.length > 0 && <p className="text-xs text-brand-700">{t('needsAttention')}</p>}
                    </div>
                    <span className="tabular-nums">{money(line.unitPriceMinor * line.quantity)}</span>
                  </li>
                ))}
              </ul>
              <p className="mt-3 flex justify-between border-t border-stone-100 pt-3 text-sm font-semibold">
                <span>{t('subtotal')}</span>
                <span className="tabular-nums">{money(data.subtotalMinor)}</span>
              </p>
              <div className="mt-3 flex gap-2">
                <Link
                  href="/cart"
                  onClick={() => setOpen(false)}
                  className="flex-1 rounded-full px-3 py-2 text-center text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
                >
                  {t('viewCart')}
                </Link>
                <Link
                  href="/checkout"
                  onClick={() => setOpen(false)}
                  className="flex-1 rounded-full bg-stone-900 px-3 py-2 text-center text-sm font-semibold text-white hover:bg-stone-700"
                >
                  {t('checkout')}
                </Link>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
