'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useState } from 'react';
import type { Suggestions } from '@/lib/catalog/search/queries';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

async function fetchSuggestions(q: string, signal: AbortSignal): Promise<Suggestions> {
  const response = await fetch(`/api/v1/search/suggestions?q=${encodeURIComponent(q)}`, { signal });
  if (!response.ok) throw new Error(`suggestions failed: ${response.status}`);
  return response.json();
}

/**
 * Search field with suggestions as you type (an ARIA combobox). Enter searches; arrow keys move
 * through suggestions; Escape closes them.
 */
export function SearchBox() {
  const t = useTranslations('search');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const initial = pathname === '/search' ? (searchParams.get('q') ?? '') : '';
  const [value, setValue] = useState(initial);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const listId = useId();
  const debounced = useDebounced(value.trim(), 150);

  // Follow the URL when it changes (a new search, Back): adjust state while rendering, not in an effect.
  const [syncedInitial, setSyncedInitial] = useState(initial);
  if (initial !== syncedInitial) {
    setSyncedInitial(initial);
    setValue(initial);
  }

  const { data, isFetching } = useQuery({
    queryKey: ['suggestions', debounced],
    queryFn: ({ signal }) => fetchSuggestions(debounced, signal),
    enabled: debounced.length >= 2,
    placeholderData: (previous) => previous,
  });

  const options = [
    ...(data?.products ?? []).map((p) => ({
      key: `p-${p.slug}`,
      href: `/products/${p.slug}`,
      label: p.title,
      detail: [p.originalTitle, p.credit, p.year].filter(Boolean).join(' · '),
    })),
    ...(data?.people ?? []).map((p) => ({
      key: `n-${p.slug}`,
      href: `/people/${p.slug}`,
      label: p.name,
      detail: [p.originalName, t('person')].filter(Boolean).join(' · '),
    })),
  ];
  const showList = open && debounced.length >= 2 && value.trim().length >= 2;

  function go(href: string) {
    setOpen(false);
    router.push(href);
  }

  return (
    <form
      role="search"
      action="/search"
      onSubmit={(event) => {
        event.preventDefault();
        if (active >= 0 && options[active]) return go(options[active].href);
        const q = value.trim();
        go(q ? `/search?q=${encodeURIComponent(q)}` : '/search');
      }}
      className="relative"
    >
      <label htmlFor={`${listId}-input`} className="sr-only">
        {t('label')}
      </label>
      <input
        id={`${listId}-input`}
        name="q"
        type="search"
        role="combobox"
        autoComplete="off"
        maxLength={200}
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
        placeholder={t('placeholder')}
        value={value}
        onChange={(event) => {
          setValue(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') {
            event.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, options.length - 1));
          } else if (event.key === 'ArrowUp') {
            event.preventDefault();
            setActive((i) => Math.max(i - 1, -1));
          } else if (event.key === 'Escape') {
            setOpen(false);
            setActive(-1);
          }
        }}
        className="w-full rounded-full border border-stone-300 bg-stone-50 px-4 py-2 text-sm outline-none focus:border-brand-600 focus:bg-white"
      />
      <div
        id={listId}
        role="listbox"
        aria-label={t('suggestions')}
        hidden={!showList}
        className="absolute inset-x-0 top-full z-40 mt-1 max-h-96 overflow-auto rounded-xl border border-stone-200 bg-white py-1 shadow-lg"
      >
        {options.map((option, index) => (
          <Link
            key={option.key}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            href={option.href}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setOpen(false)}
            className={`block px-4 py-2 text-sm ${index === active ? 'bg-brand-50' : 'hover:bg-stone-50'}`}
          >
            <span className="font-medium">{option.label}</span>
            {option.detail && <span className="ml-2 text-stone-500">{option.detail}</span>}
          </Link>
        ))}
        {options.length === 0 && (
          <p className="px-4 py-2 text-sm text-stone-500" aria-live="polite">
            {isFetching ? t('loading') : t('noSuggestions')}
          </p>
        )}
      </div>
    </form>
  );
}

/** Server-rendered stand-in until the search box hydrates; a plain GET form that works without JavaScript. */
export function SearchBoxFallback({ label, placeholder }: { label: string; placeholder: string }) {
  return (
    <form role="search" action="/search" className="relative">
      <input
        name="q"
        type="search"
        aria-label={label}
        placeholder={placeholder}
        maxLength={200}
        className="w-full rounded-full border border-stone-300 bg-stone-50 px-4 py-2 text-sm"
      />
    </form>
  );
}
