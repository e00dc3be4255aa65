import 'server-only';
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { safeString } from '@/lib/validation/text';
import { keepFormResult } from './form-result';

/**
 * The one wrapper of every server action (issue 14.4): anyone can call an action with any arguments
 * (it is a POST endpoint), so before the action's own code runs the arguments are checked to be what
 * it declares — FormData for a form, a zod tuple for an action called from a client component. A call
 * of the wrong shape gets the action's own "invalid" result (a 4xx-like answer that changes nothing)
 * instead of a TypeError and a 500. An unexpected error is logged once with a request id and
 * replaced by a bare error naming only that id, so nothing of it reaches the client; Next's control
 * flow (redirect, notFound) passes through.
 *
 * Each action still authenticates and authorizes itself (a page-level check protects nothing) and
 * parses its fields with its domain's zod schema.
 */

/** The request id to quote in logs: the proxy's `x-request-id` when there is one, else a new one. */
async function requestId(): Promise<string> {
  try {
    const id = (await headers()).get('x-request-id');
    if (id && /^[\w-]{1,100}$/.test(id)) return id;
  } catch {
    // Outside a request (a script or a test): a fresh id.
  }
  return randomUUID();
}

async function guarded<R>(name: string, run: () => Promise<R>): Promise<R> {
  try {
    return await run();
  } catch (error) {
    unstable_rethrow(error);
    const id = await requestId();
    console.error(`[encore] action ${name} failed (request ${id}):`, error);
    throw new Error(`Unexpected error (request ${id})`);
  }
}

/**
 * What a call of the wrong shape gets: `ok: false` with the `invalid` key both as `error` (actions
 * answering `{ ok, error }`) and as the form's error (actions answering `{ ok, fieldErrors }`).
 */
export const INVALID_INPUT = { ok: false, error: 'invalid', fieldErrors: { form: 'invalid' } } as const;

/** One plain argument of an action called from a client component: a short string, a number, a boolean or null. */
export const actionArg = z.union([safeString().max(1000), z.number(), z.boolean(), z.null()]);

/**
 * A form action for `useActionState` (`(previousState, formData)`): `run` gets the FormData, and a
 * call whose second argument is not FormData (or with extra arguments) gets `invalid`. Posted without
 * JavaScript, its result is also kept for the page rendered after it (`formResult(name)`).
 */
export function formAction<R>(
  name: string,
  run: (formData: FormData) => Promise<R>,
  invalid: NoInfer<R>,
): (previous: unknown, formData: FormData) => Promise<R> {
  return async (...args: unknown[]) => {
    const [, formData] = args;
    if (args.length !== 2 || !(formData instanceof FormData)) return invalid;
    const result = await guarded(name, () => run(formData));
    // For the page that comes back when the form was posted without JavaScript (form-result.ts).
    await keepFormResult(name, result);
    return result;
  };
}

/**
 * An action called with plain values (`addToCartAction(editionId, quantity)`): the arguments must
 * match `schema`, a zod tuple of `actionArg`s (optional items may be left out), or the call gets
 * `invalid`. `run` receives the parsed values.
 *
 * With `formFields`, the same action is also a form action (`(previousState, formData)`, as
 * `useActionState` and a form posted without JavaScript call it): the named fields, in order, become
 * the arguments and go through the same schema, so one action serves the script and the form;
 * posted as a form without JavaScript, its result is kept for the page after it (`formResult(name)`).
 */
export function valueAction<T extends z.ZodTuple, R>(
  name: string,
  schema: T,
  run: (...args: z.output<T>) => Promise<R>,
  invalid: NoInfer<R>,
): (...args: z.input<T>) => Promise<R>;
export function valueAction<T extends z.ZodTuple, R>(
  name: string,
  schema: T,
  run: (...args: z.output<T>) => Promise<R>,
  invalid: NoInfer<R>,
  formFields: readonly string[],
): ValueAction<z.input<T>, R>;
export function valueAction<T extends z.ZodTuple, R>(
  name: string,
  schema: T,
  run: (...args: z.output<T>) => Promise<R>,
  invalid: NoInfer<R>,
  formFields?: readonly string[],
): ValueAction<z.input<T>, R> {
  return (async (...args: unknown[]) => {
    const [, formData] = args;
    const asForm = formFields !== undefined && args.length === 2 && formData instanceof FormData;
    const values = asForm ? formFields.map((field) => formData.get(field) ?? undefined) : args;
    const parsed = schema.safeParse(values);
    if (!parsed.success) return invalid;
    const result = await guarded(name, () => run(...(parsed.data as z.output<T>)));
    if (asForm) await keepFormResult(name, result);
    return result;
  }) as ValueAction<z.input<T>, R>;
}

/** A value action, callable with its values or, when it names form fields, as a form action. */
export type ValueAction<A extends unknown[], R> = {
  (...args: A): Promise<R>;
  (previous: unknown, formData: FormData): Promise<R>;
};
