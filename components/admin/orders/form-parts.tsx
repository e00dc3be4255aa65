'use client';

import { useEffect, useId } from 'react';
import { useAdminFlash } from '@/components/admin/admin-flash';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import type { useAdminForm } from './use-admin-form';

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

/** The amount of a refund, typed in the store's currency ("12.50"): the field `amount` of the form. */
export function AmountField(
  props: Pick<React.ComponentProps<typeof Field>, 'label' | 'defaultValue' | 'hint' | 'error' | 'className'>,
) {
  return <Field {...props} name="amount" inputMode="decimal" autoComplete="off" />;
}

/**
 * The form of one back-office action: fixed values (the record's id) as hidden fields, the fields
 * given as children, the live status, and the submit button. `form` is the form's useAdminForm.
 */
export function ActionForm({
  form,
  hidden,
  texts,
  variant,
  error,
  disabled,
  className = 'space-y-3',
  children,
}: {
  form: ReturnType<typeof useAdminForm>;
  hidden: Record<string, string | number>;
  /** The button's text, and what is announced (and flashed on the page) after the action succeeded. */
  texts: { submit: string; done: string };
  variant?: React.ComponentProps<typeof Button>['variant'];
  /** The form's error, when a field's error is shown there too. */
  error?: string | null;
  disabled?: boolean;
  className?: string;
  children?: React.ReactNode;
}) {
  // The server checks every field and answers with the errors beside them: no browser bubbles.
  return (
    <form onSubmit={form.onSubmit} noValidate className={className}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <FormStatus error={error ?? form.formError} success={form.succeeded ? texts.done : null} />
      <Button type="submit" variant={variant} pending={form.pending} disabled={disabled}>
        {texts.submit}
      </Button>
    </form>
  );
}
