'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { useCallback, useId, useRef, useState } from 'react';
import { useDismiss } from '@/components/ui/use-dismiss';

type Me = { user: { username: string; displayName: string | null; role: 'customer' | 'admin' } | null };

/**
 * The account corner of the header. A client island (it asks /api/v1/me) so that catalog pages stay
 * static and the same for everyone.
 */
export function AccountMenu() {
  const t = useTranslations('header');
  const { data, isPending } = useQuery<Me>({
    queryKey: ['me'],
    queryFn: () => fetch('/api/v1/me', { cache: 'no-store' }).then((r) => r.json()),
  });
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  const menuId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(open, ref, close);

  if (isPending) return <span className="inline-block h-8 w-20 animate-pulse rounded-full bg-stone-100" aria-hidden />;
  const user = data?.user;
  if (!user) {
    return (
      <Link
        href="/login"
        className="rounded-full px-3 py-1.5 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
      >
        {t('signIn')}
      </Link>
    );
  }
  return (
    <div ref={ref} className="relative">
      <button
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((v) => !v)}
        className="flex max-w-40 items-center gap-1 rounded-full px-3 py-1.5 text-sm font-semibold ring-1 ring-stone-300 hover:bg-stone-100"
      >
        <span className="truncate">{user.displayName ?? user.username}</span>
        <span aria-hidden>▾</span>
        <span className="sr-only">{t('accountMenu')}</span>
      </button>
      {open && (
        <div
          id={menuId}
          role="menu"
          className="absolute right-0 z-40 mt-2 w-48 rounded-xl border border-stone-200 bg-white py-1 text-sm shadow-lg"
        >
          <Link role="menuitem" href="/account" className="block px-4 py-2 hover:bg-stone-50">
            {t('account')}
          </Link>
          {user.role === 'admin' && (
            <Link role="menuitem" href="/admin" className="block px-4 py-2 hover:bg-stone-50">
              {t('admin')}
            </Link>
          )}
          <button
            role="menuitem"
            type="button"
            onClick={() => signOut({ callbackUrl: '/' })}
            className="block w-full px-4 py-2 text-left hover:bg-stone-50"
          >
            {t('signOut')}
          </button>
        </div>
      )}
    </div>
  );
}
