import { useId } from 'react';

/**
 * Labelled form controls: each has a <label>, and its hint and error are tied to it with
 * aria-describedby, so a screen reader reads the problem with the field. One set for the whole app.
 */

type Described = { label: string; error?: string | null; hint?: string; className?: string };

const controlClass = (error: unknown) =>
  `mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 disabled:bg-stone-100 ${error ? 'border-brand-600' : 'border-stone-300'}`;

/** The id of a control (the caller's, or a generated one) and the attributes that describe it. */
function useDescribed(givenId: string | undefined, { hint, error }: Pick<Described, 'hint' | 'error'>) {
  const generated = useId();
  const id = givenId ?? generated;
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return { id, control: { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } };
}

function HintAndError({ id, hint, error }: { id: string; hint?: string; error?: string | null }) {
  return (
    <>
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
    </>
  );
}

function Label({ id, children }: { id: string; children: React.ReactNode }) {
  return (
    <label htmlFor={id} className="block text-sm font-medium text-stone-800">
      {children}
    </label>
  );
}

/** A labelled input. */
export function Field({
  label,
  error,
  hint,
  className = '',
  ...input
}: React.InputHTMLAttributes<HTMLInputElement> & Described) {
  const { id, control } = useDescribed(input.id, { hint, error });
  return (
    <div className={className}>
      <Label id={id}>{label}</Label>
      <input {...input} {...control} className={controlClass(error)} />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

/** A labelled `<select>`: options as children, or as `options` (after the children: a placeholder, say). */
export function SelectField({
  label,
  error,
  hint,
  className = '',
  options,
  children,
  ...select
}: React.SelectHTMLAttributes<HTMLSelectElement> & Described & { options?: { value: string; label: string }[] }) {
  const { id, control } = useDescribed(select.id, { hint, error });
  return (
    <div className={className}>
      <Label id={id}>{label}</Label>
      <select {...select} {...control} className={controlClass(error)}>
        {children}
        {options?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

/** A labelled textarea. */
export function TextareaField({
  label,
  error,
  hint,
  className = '',
  ...textarea
}: React.TextareaHTMLAttributes<HTMLTextAreaElement> & Described) {
  const { id, control } = useDescribed(textarea.id, { hint, error });
  return (
    <div className={className}>
      <Label id={id}>{label}</Label>
      <textarea {...textarea} {...control} className={controlClass(error)} />
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

/** A checkbox with its label beside it. */
export function CheckboxField({
  label,
  error,
  hint,
  className = '',
  ...input
}: Omit<React.InputHTMLAttributes<HTMLInputElement>, 'type'> & Described) {
  const { id, control } = useDescribed(input.id, { hint, error });
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input {...input} {...control} type="checkbox" className="size-4 rounded border-stone-300" />
        <label htmlFor={id} className="text-sm font-medium text-stone-800">
          {label}
        </label>
      </div>
      <HintAndError id={id} hint={hint} error={error} />
    </div>
  );
}

type FieldProps = React.ComponentProps<typeof Field>;

/** An email address field: its type, autofill and the length an address may have (overridable). */
export function EmailField(props: Omit<FieldProps, 'type'>) {
  return <Field autoComplete="email" required maxLength={254} {...props} type="email" />;
}

/**
 * A password field. `autoComplete` says which password it asks for, so password managers fill the
 * current one or offer a new one.
 */
export function PasswordField(
  props: Omit<FieldProps, 'type' | 'autoComplete'> & { autoComplete: 'current-password' | 'new-password' },
) {
  return <Field required {...props} type="password" />;
}
