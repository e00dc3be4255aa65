'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';

type Answer = { ok: boolean; error?: string; fieldErrors?: Record<string, string> };

/**
 * Runs a rental desk action from a form's submit event and keeps its whole answer (the check-in's
 * title and amounts, the dispatched rental's due date, the refused copy code), unlike useAdminForm
 * which keeps only ok and the error keys. Errors are keys of admin.rentals.errors; the page refreshes
 * after anything but bad input. `after` runs with the answer and the form (to clear or refocus it).
 */
export function useDeskAction<R extends Answer>(
  action: (previous: unknown, formData: FormData) => Promise<R>,
  after?: (answer: R | { ok: false; error: 'unexpected' }, form: HTMLFormElement) => void,
) {
  const router = useRouter();
  const t = useTranslations('admin.rentals.errors');
  const [answer, setAnswer] = useState<R | { ok: false; error: 'unexpected' } | null>(null);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const formData = new FormData(form);
    startTransition(async () => {
      let result: R | { ok: false; error: 'unexpected' };
      try {
        result = await action(null, formData);
      } catch {
        result = { ok: false, error: 'unexpected' };
      }
      setAnswer(result);
      after?.(result, form);
      if (result.ok || result.error !== 'invalid') router.refresh();
    });
  }
  const text = (key: string | undefined, values?: Record<string, string>): string | null =>
    key ? (t.has(key) ? t(key, values) : t('unexpected')) : null;
  const fieldErrors = answer && !answer.ok && 'fieldErrors' in answer ? (answer.fieldErrors ?? {}) : {};
  return {
    answer,
    pending,
    onSubmit,
    fieldError: (name: string) => text(fieldErrors[name]),
    /** The refusal of the whole form (not a field's), as text; `values` fill its placeholders. */
    formError: (values?: Record<string, string>) =>
      answer && !answer.ok && !('fieldErrors' in answer && answer.fieldErrors) ? text(answer.error, values) : null,
  };
}
