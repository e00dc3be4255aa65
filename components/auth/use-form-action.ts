'use client';

import { useState, useTransition } from 'react';

type BaseState = { ok: boolean; fieldErrors?: Record<string, string> } | null;

/**
 * Runs a server action from a form's submit event. Unlike `<form action>`, the inputs keep what the
 * user typed when the action returns errors. `onSuccess` runs after a successful result.
 */
export function useFormAction<S extends BaseState>(
  action: (previous: S, formData: FormData) => Promise<S>,
  onSuccess?: (formData: FormData, state: S) => void | Promise<void>,
) {
  const [state, setState] = useState<S>(null as S);
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(state, formData);
      setState(result);
      if (result?.ok && onSuccess) await onSuccess(formData, result);
    });
  }
  return { state, pending, onSubmit, errors: state?.fieldErrors ?? {} };
}
