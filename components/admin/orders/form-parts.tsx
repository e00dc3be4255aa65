'use client';

import { useEffect, useId } from 'react';
import { useAdminFlash } from '@/components/admin/admin-flash';

/** A labelled textarea with its hint and error wired for assistive technology (like ui/Field). */
export function TextareaField({
  label,
  error,
  hint,
  className = '',
  ...textarea
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string | null; hint?: string }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${error ? 'border-brand-600' : 'border-stone-300'}`}
        {...textarea}
      />
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-brand-700">
          {error}
        </p>
      )}
    </div>
  );
}

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
