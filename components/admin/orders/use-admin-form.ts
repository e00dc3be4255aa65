'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';

/** What every back-office action answers (lib/http/result.ts, lib/admin/guard.ts). */
export type AdminFormResult = { ok: boolean; error?: string; fieldErrors?: Record<string, string> };

export type AdminFormAction = (previous: unknown, formData: FormData) => Promise<AdminFormResult>;

/** The answer a form keeps: the action's own, or `unexpected` when the call itself failed. */
export type AdminFormAnswer<R extends AdminFormResult> =
  R | { ok: false; error: 'unexpected'; fieldErrors?: undefined };

/** Runs after each answer, with the form (to clear or refocus it). */
export type AdminFormAfter<R extends AdminFormResult> = (answer: AdminFormAnswer<R>, form: HTMLFormElement) => void;

/**
 * Runs a back-office action from a form's submit event: pending state, field errors and a form error
 * as translated text (admin.orders.errors), the page refreshed after anything that changed data, and
 * the form cleared after a success when `reset` is set. What was typed stays after an error. Error
 * keys are read from `errors` (another area's namespace, which must have an `unexpected` key too).
 * The whole answer is kept (`answer`, for actions that say more than ok), and `after` runs with it
 * and the form (to clear or refocus it).
 *
 * `pending` covers the action's call only, not the page's refresh after it: a form that sends one
 * submission after another (the rental desk's check-in, fed by a barcode scanner that types a code and
 * presses Enter) takes the next one as soon as the answer is in. A submit while a call is in flight is
 * ignored (a doubled Enter or click sends once).
 */
export function useAdminForm<R extends AdminFormResult = AdminFormResult>(
  action: (previous: unknown, formData: FormData) => Promise<R>,
  {
    reset = false,
    errors = 'admin.orders.errors',
    after,
  }: {
    reset?: boolean;
    errors?: string;
    after?: AdminFormAfter<R>;
  } = {},
) {
  const router = useRouter();
  const t = useTranslations(errors);
  const [state, setState] = useState<AdminFormAnswer<R> | null>(null);
  const [pending, setPending] = useState(false);
  const inFlight = useRef(false);
  const [, startTransition] = useTransition();
  const text = (key: string | undefined, values?: Record<string, string>): string | null => {
    if (!key) return null;
    return t.has(key) ? t(key, values) : t('unexpected');
  };
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    const form = event.currentTarget;
    const formData = new FormData(form);
    setPending(true);
    let result: AdminFormAnswer<R>;
    try {
      result = await action(null, formData);
    } catch {
      result = { ok: false, error: 'unexpected' };
    } finally {
      inFlight.current = false;
      setPending(false);
    }
    setState(result);
    if (result.ok && reset) form.reset();
    after?.(result, form);
    // Anything but bad input may have changed the order (a refund claimed before the provider failed).
    if (result.ok || result.error !== 'invalid') startTransition(() => router.refresh());
  }
  const fieldErrors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return {
    answer: state,
    text,
    pending,
    onSubmit,
    succeeded: state?.ok === true,
    fieldError: (name: string) => text(fieldErrors[name]),
    formError: state && !state.ok ? (state.fieldErrors ? text(state.fieldErrors.form) : text(state.error)) : null,
  };
}
