'use client';

import { useEffect } from 'react';

/**
 * Tells the server that this product page was viewed, after the page has loaded, without waiting
 * for an answer (a beacon survives navigation away). The page itself stays static and cached; the
 * server decides whether to record it (once a day per shopper and product, never when the shopper
 * turned personalisation off).
 */
export function ViewBeacon({ productId }: { productId: number }) {
  useEffect(() => {
    const body = JSON.stringify({ productId });
    const sent =
      typeof navigator.sendBeacon === 'function' &&
      navigator.sendBeacon('/api/v1/events/view', new Blob([body], { type: 'application/json' }));
    if (!sent) {
      fetch('/api/v1/events/view', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        keepalive: true,
      }).catch(() => {});
    }
  }, [productId]);
  return null;
}
