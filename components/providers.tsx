'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useLocale } from 'next-intl';
import { createContext, useCallback, useContext, useState } from 'react';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';

const StoreContext = createContext<{ currency: string }>({ currency: 'USD' });

/** Store settings that client components need (the currency for prices). */
export function useStore() {
  return useContext(StoreContext);
}

/** Formats minor units of the store currency in the page's language, for client components. */
export function useFormatMoney() {
  const { currency } = useStore();
  const locale = useLocale() as Locale;
  return useCallback(
    (amountMinor: number) => formatMoney(amountMinor, currency, LOCALE_TAGS[locale]),
    [currency, locale],
  );
}

export function Providers({ children, currency }: { children: React.ReactNode; currency: string }) {
  const [queryClient] = useState(
    () =>
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <StoreContext.Provider value={{ currency }}>{children}</StoreContext.Provider>
    </QueryClientProvider>
  );
}
