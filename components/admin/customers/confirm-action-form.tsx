'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useActionForm } from '@/components/ui/form/use-action-form';
import type { AdminActionState } from '@/lib/admin/customers/validation';

/**
 * A form whose submit asks first: the trigger button opens an inline confirmation (focus moves to
 * it; Cancel or Escape goes back), and only its confirm button runs the action. On success the page
 * refreshes (server data) and the result is announced; errors are announced in an alert region.
 */
export function ConfirmActionForm({
  action,
  hidden,
  fields,
  trigger,
  question,
  confirm,
  cancel,
  variant = 'primary',
  disabled = false,
  messageFor,
  onSuccess,
}: {
  action: (previous: AdminActionState, formData: FormData) => Promise<AdminActionState>;
  hidden: Record<string, string>;
  fields?: React.ReactNode;
  trigger: string;
  question: (formData: FormData) => string;
  confirm: string;
  cancel: string;
  variant?: 'primary' | 'danger';
  disabled?: boolean;
  /** Text for a result: the success message key or an error key. */
  messageFor: (kind: 'done' | 'error', key: string) => string;
  /** Receives the success text instead of this form showing it (when a refresh may replace the form). */
  onSuccess?: (message: string) => void;
}) {
  const router = useRouter();
  const form = useRef<HTMLFormElement>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const questionId = useId();
  const run = useActionForm(action, {
    onSuccess: (result) => {
      setAsking(null);
      onSuccess?.(messageFor('done', result.message));
      router.refresh();
    },
  });
  const { state, pending } = run;
  const wasAsking = useRef(false);
  useEffect(() => {
    // Focus follows the step: onto "confirm" when asked, back onto the trigger after.
    if (asking) form.current?.querySelector<HTMLButtonElement>('button[type="submit"]')?.focus();
    else if (wasAsking.current) form.current?.querySelector<HTMLButtonElement>('button[data-trigger]')?.focus();
    wasAsking.current = Boolean(asking);
  }, [asking]);

  const error =
    state && !state.ok
      ? 'error' in state
        ? messageFor('error', state.error)
        : messageFor('error', Object.values(state.fieldErrors)[0] ?? 'unexpected')
      : null;
  const success = state?.ok && !onSuccess ? messageFor('done', state.message) : null;

  return (
    <form
      ref={form}
      onSubmit={(event) => {
        // Only the confirm button submits; an implicit submit (Enter) before confirming does nothing.
        // No `action` for a browser without JavaScript: it could not ask first (a confirmation step needs a script).
        if (!asking) event.preventDefault();
        else run.form.onSubmit(event);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && asking) setAsking(null);
      }}
      className="space-y-3"
    >
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {/* inert, not disabled, while asking: disabled controls would drop out of the submitted form. */}
      {fields && (
        <fieldset disabled={disabled} inert={Boolean(asking) || pending || undefined}>
          {fields}
        </fieldset>
      )}
      {asking ? (
        <div
          role="group"
          aria-labelledby={questionId}
          className="space-y-3 rounded-lg bg-stone-50 p-3 ring-1 ring-stone-200"
        >
          <p id={questionId} className="text-sm font-medium text-stone-900">
            {asking}
          </p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant={variant} pending={pending}>
              {confirm}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setAsking(null)} disabled={pending}>
              {cancel}
            </Button>
          </div>
        </div>
      ) : (
        <Button
          data-trigger
          type="button"
          variant={variant === 'danger' ? 'danger' : 'secondary'}
          disabled={disabled}
          onClick={() => {
            if (form.current) setAsking(question(new FormData(form.current)));
          }}
        >
          {trigger}
        </Button>
      )}
      <div>
        <p role="alert" className="text-sm font-medium text-brand-700">
          {error}
        </p>
        <p role="status" className="text-sm font-medium text-emerald-800">
          {success}
        </p>
      </div>
    </form>
  );
}
