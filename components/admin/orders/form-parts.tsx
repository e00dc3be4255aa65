'use client';

import { useEffect, useId } from 'react';
import { useAdminFlash } from '@/components/admin/admin-flash';

/**
 * The live regions under a back-office form: the form's error (assertive) and its success message
 * (polite). Always in the page so that screen readers announce the text when it appears.
 */
export function FormStatus({ error, success }: { error?: string | null; success?: string | null }) {
  const flash = useAdminFlash();
  // Success goes to the page-level message (components/admin/admin-flash.tsx): this form may be gone
  // after the refresh that follows it.
  useEffect(() => {
    if (success) flash(success);
  }, [success, flash]);
  return (
    <p role="alert" aria-live="assertive" className="text-sm font-medium text-brand-700">
      {error}
    </p>
  );
}

/** A titled box for one action on an order or return. */
export function ActionCard({ title, children }: { title: string; children: React.ReactNode }) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="rounded-xl border border-stone-200 bg-white p-4">
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      <div className="mt-3">{children}</div>
    </section>
  );
}
