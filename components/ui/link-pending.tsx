'use client';

import { useLinkStatus } from 'next/link';
import { createContext, use, useCallback, useEffect, useId, useState } from 'react';

type Report = (link: string, pending: boolean) => void;

const LinkPendingContext = createContext<{ report: Report; pending: boolean } | null>(null);

/**
 * An area whose section links show a skeleton in place of the page while they navigate: the loading
 * state of a client-side navigation, without a `loading.tsx`. A `loading.tsx` also wraps the page's
 * first HTML in a Suspense boundary, and React sends a large finished boundary as its fallback plus
 * hidden content that only a script swaps in, so without JavaScript the page never showed. Here the
 * HTML carries the page itself and the skeleton is drawn by the browser, only while a link under
 * `LinkPendingArea` that holds a `LinkPending` is pending (`useLinkStatus`).
 */
export function LinkPendingArea({ children }: { children: React.ReactNode }) {
  const [pendingLinks, setPendingLinks] = useState<ReadonlySet<string>>(() => new Set());
  const report = useCallback<Report>(
    (link, pending) =>
      setPendingLinks((previous) => {
        if (previous.has(link) === pending) return previous;
        const next = new Set(previous);
        if (pending) next.add(link);
        else next.delete(link);
        return next;
      }),
    [],
  );
  return <LinkPendingContext value={{ report, pending: pendingLinks.size > 0 }}>{children}</LinkPendingContext>;
}

/** The page of a `LinkPendingArea`, or `fallback` while one of its links navigates. */
export function LinkPendingContent({ fallback, children }: { fallback: React.ReactNode; children: React.ReactNode }) {
  const area = use(LinkPendingContext);
  return area?.pending ? fallback : children;
}

/** Put inside a `<Link>`: tells the `LinkPendingArea` around it, if any, while the link navigates. */
export function LinkPending() {
  const { pending } = useLinkStatus();
  const link = useId();
  const report = use(LinkPendingContext)?.report;
  useEffect(() => {
    report?.(link, pending);
  }, [report, link, pending]);
  useEffect(() => () => report?.(link, false), [report, link]);
  return null;
}
