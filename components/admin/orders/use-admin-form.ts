'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';

/** What every back-office action answers (lib/http/result.ts, lib/admin/guard.ts). */
export type AdminFormResult = { ok: boolean; error?: string; fieldErrors?: Record<string, string> };

export type AdminFormAction = (previous: unknown, formData: FormData) => Promise<AdminFormResult>;

/**
 * Runs a back-office action from a form's submit event: pending state, field errors and a form error
 * as translated text (admin.orders.errors), the page refreshed after anything that changed data, and
 * the form cleared after a success when `reset` is set. What was typed stays after an error. Error
 * keys are read from `errors` (another area's namespace, which must have an `unexpected` key too).
 */
export function useAdminForm(
  action: AdminFormAction,
  { reset = false, errors = 'admin.orders.errors' }: { reset?: boolean; errors?: string } = {},
) {
  const router = useRouter();
  const t = useTranslations(errors);
  const [state, setState] = useState<AdminFormResult | null>(null);
  const [pending, startTransition] = useTransition();
  const text = (key: string | undefined): string | null => {
    if (!key) return null;
    return t.has(key) ? t(key) : t('unexpected');
  };
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    startTransition(async () => {
      let result: AdminFormResult;
      try {
        result = await action(null, formData);
      } catch {
        result = { ok: false, error: 'unexpected' };
      }
      setState(result);
      if (result.ok && reset) form.reset();
      // Anything but bad input may have changed the order (a refund claimed before the provider failed).
      if (result.ok || result.error !== 'invalid') router.refresh();
    });
  }
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return {
    pending,
    onSubmit,
    succeeded: state?.ok === true,
    fieldError: (name: string) => text(fieldErrors[name]),
    formError: state && !state.ok ? (state.fieldErrors ? text(state.fieldErrors.form) : text(state.error)) : null,
  };
}
