'use client';

import { usePathname } from 'next/navigation';
import { createContext, use, useCallback, useState } from 'react';

/**
 * The back office's success messages. An action that changes an order or a return usually removes
 * the form it came from (a shipped order has no "Mark as shipped" card any more), so a message kept
 * in the form would vanish with the page refresh. The message lives here instead, in the admin
 * layout, which stays mounted through refreshes; it is dropped when the admin goes to another page.
 */
const FlashContext = createContext<(message: string) => void>(() => {});

export function AdminFlashProvider({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  const [flash, setFlash] = useState<{ message: string; pathname: string } | null>(null);
  const show = useCallback((message: string) => setFlash({ message, pathname }), [pathname]);
  const message = flash?.pathname === pathname ? flash.message : null;
  return (
    <FlashContext value={show}>
      <p
        role="status"
        aria-live="polite"
        className={
          message
            ? 'mb-4 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900'
            : 'sr-only'
        }
      >
        {message}
      </p>
      {children}
    </FlashContext>
  );
}

/** Shows a success message at the top of the current admin page. */
export function useAdminFlash(): (message: string) => void {
  return use(FlashContext);
}
