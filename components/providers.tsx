'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createContext, useContext, useState } from 'react';

const StoreContext = createContext<{ currency: string }>({ currency: 'USD' });

/** Store settings that client components need (the currency for prices). */
export function useStore() {
  return useContext(StoreContext);
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
