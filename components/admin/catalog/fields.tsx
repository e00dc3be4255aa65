'use client';

import { useTranslations } from 'next-intl';

/** Helpers of the catalog editor (its form controls are components/ui/field.tsx). */

/** Turns an error key ("skuTaken", "editionInUse:AB-1, AB-2") into a sentence. */
export function useErrorText() {
  const t = useTranslations('admin.catalog.errors');
  return (value: string | null | undefined): string | null => {
    if (!value) return null;
    const at = value.indexOf(':');
    const key = at === -1 ? value : value.slice(0, at);
    const detail = at === -1 ? '' : value.slice(at + 1);
    return t.has(key) ? t(key, { detail }) : t('invalid');
  };
}

/** A small secondary button (move, remove, add) with an accessible name. */
export function SmallButton({
  className = '',
  tone = 'plain',
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: 'plain' | 'danger' }) {
  return (
    <button
      type="button"
      className={`inline-flex min-h-9 min-w-9 items-center justify-center rounded-md px-2 text-sm ring-1 ring-inset disabled:cursor-not-allowed disabled:opacity-40 ${tone === 'danger' ? 'text-brand-700 ring-brand-100 hover:bg-brand-50' : 'text-stone-700 ring-stone-300 hover:bg-stone-100'} ${className}`}
      {...props}
    />
  );
}
