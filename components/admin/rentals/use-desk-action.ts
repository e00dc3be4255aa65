'use client';

import { type AdminFormAfter, type AdminFormResult, useAdminForm } from '@/components/admin/orders/use-admin-form';

/**
 * A rental desk action run by `useAdminForm`, whose whole answer the desk shows (the check-in's title
 * and amounts, the dispatched rental's due date, the refused copy code). Errors are keys of
 * admin.rentals.errors; the form error is the refusal of the whole form (not a field's), its
 * placeholders filled from `values`. `after` runs with the answer and the form (to clear or refocus it).
 */
export function useDeskAction<R extends AdminFormResult>(
  action: (previous: unknown, formData: FormData) => Promise<R>,
  after?: AdminFormAfter<R>,
) {
  const { answer, text, pending, onSubmit, fieldError } = useAdminForm(action, {
    errors: 'admin.rentals.errors',
    after,
  });
  return {
    answer,
    pending,
    onSubmit,
    fieldError,
    formError: (values?: Record<string, string>) =>
      answer && !answer.ok && !answer.fieldErrors ? text(answer.error, values) : null,
  };
}
