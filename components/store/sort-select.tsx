'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useTransition } from 'react';
import type { Sort } from '@/lib/catalog/formats';

/** Sort order; each option is a URL (given by the server), so sorting is shareable too. */
export function SortSelect({ value, options }: { value: Sort; options: { sort: Sort; href: string }[] }) {
  const t = useTranslations('browse');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-stone-600">{t('sortBy')}</span>
      <select
        value={value}
        aria-busy={pending}
        onChange={(event) => {
          const option = options.find((o) => o.sort === event.target.value);
          if (option) startTransition(() => router.push(option.href));
        }}
        className="rounded-md border border-stone-300 bg-white px-2 py-1.5"
      >
        {options.map((option) => (
          <option key={option.sort} value={option.sort}>
            {t(`sort.${option.sort}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
