import { useId } from 'react';

/** A labelled `<select>` styled like `Field`, with its hint and error wired for assistive technology. */
export function SelectField({
  label,
  error,
  hint,
  className = '',
  children,
  ...select
}: React.SelectHTMLAttributes<HTMLSelectElement> & { label: string; error?: string | null; hint?: string }) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 ${error ? 'border-brand-600' : 'border-stone-300'}`}
        {...select}
      >
        {children}
      </select>
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
    </div>
  );
}
