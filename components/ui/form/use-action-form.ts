'use client';

import { startTransition, useActionState, useEffect, useRef } from 'react';

type BaseState = { ok: boolean; fieldErrors?: Record<string, string> } | null;

/**
 * A form driven by a server action through `useActionState`. Spread `form` on the `<form>`:
 * - without JavaScript, `action` posts the form to the server action and the page that comes back
 *   renders the action's result (Next's progressive enhancement of server actions);
 * - with JavaScript, `onSubmit` dispatches the same action in a transition instead of letting React
 *   submit the form, because React resets a form after its action and the fields would lose what the
 *   shopper typed when the answer is an error. `useFormStatus` (SubmitButton) still sees it pending.
 *
 * `optimistic` runs in the same transition just before the action is sent (a `useOptimistic` update
 * that lasts until the answer is in); `onSuccess` runs once per successful result, in the browser (a
 * toast, a refresh of the cart count).
 * https://react.dev/reference/react/useActionState
 */
export function useActionForm<S extends BaseState>(
  action: (state: Awaited<S>, formData: FormData) => Promise<S>,
  options: {
    initial?: S;
    optimistic?: (formData: FormData) => void;
    onSuccess?: (state: NonNullable<S> & { ok: true }) => void;
  } = {},
) {
  const initial = (options.initial ?? null) as Awaited<S>;
  const [state, dispatch, pending] = useActionState(action, initial);
  const onSuccess = useRef(options.onSuccess);
  useEffect(() => {
    onSuccess.current = options.onSuccess;
  });
  useEffect(() => {
    if (state !== initial && state?.ok) onSuccess.current?.(state as NonNullable<S> & { ok: true });
  }, [state, initial]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => {
      options.optimistic?.(formData);
      dispatch(formData);
    });
  }

  return { state, pending, errors: state?.fieldErrors ?? {}, dispatch, form: { action: dispatch, onSubmit } };
}
