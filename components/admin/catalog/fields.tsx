'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';

/**
 * Form controls of the catalog editor: each has a <label>, and its hint and error are tied to it
 * with aria-describedby, so a screen reader reads the problem with the field.
 */

/** Turns an error key ("skuTaken", "editionInUse:AB-1, AB-2") into a sentence. */
export function useErrorText() {
  const t = useTranslations('admin.catalog.errors');
  return (value: string | null | undefined): string | null => {
    if (!value) return null;
    const at = value.indexOf(':');
    const key = at === -1 ? value : value.slice(0, at);
    const detail = at === -1 ? '' : value.slice(at + 1);
    return t.has(key) ? t(key, { detail }) : t('invalid');
  };
}

const inputClass = (error: boolean) =>
  `mt-1 block w-full rounded-lg border bg-white px-3 py-2 text-sm outline-none focus:border-brand-600 focus:ring-2 focus:ring-brand-100 disabled:bg-stone-100 ${error ? 'border-brand-600' : 'border-stone-300'}`;

function Described({ id, hint, error }: { id: string; hint?: string; error?: string | null }) {
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

const describedBy = (id: string, hint?: string, error?: string | null) =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;

type Common = { label: string; hint?: string; error?: string | null; className?: string };

export function TextField({
  label,
  hint,
  error,
  className = '',
  ...input
}: Common & React.InputHTMLAttributes<HTMLInputElement>) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass(Boolean(error))}
      />
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextAreaField({
  label,
  hint,
  error,
  className = '',
  ...input
}: Common & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <textarea
        {...input}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass(Boolean(error))}
      />
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  className = '',
  options,
  ...select
}: Common & React.SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const generated = useId();
  const id = select.id ?? generated;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        {...select}
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={inputClass(Boolean(error))}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  className = '',
  ...input
}: Common & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'type'>) {
  const generated = useId();
  const id = input.id ?? generated;
  return (
    <div className={className}>
      <div className="flex items-center gap-2">
        <input
          {...input}
          id={id}
          type="checkbox"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, hint, error)}
          className="size-4 rounded border-stone-300"
        />
        <label htmlFor={id} className="text-sm font-medium text-stone-800">
          {label}
        </label>
      </div>
      <Described id={id} hint={hint} error={error} />
    </div>
  );
}

/** A small secondary button (move, remove, add) with an accessible name. */
export function SmallButton({
  className = '',
  tone = 'plain',
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { tone?: 'plain' | 'danger' }) {
  return (
    <button
      type="button"
      className={`inline-flex min-h-9 min-w-9 items-center justify-center rounded-md px-2 text-sm ring-1 ring-inset disabled:cursor-not-allowed disabled:opacity-40 ${tone === 'danger' ? 'text-brand-700 ring-brand-100 hover:bg-brand-50' : 'text-stone-700 ring-stone-300 hover:bg-stone-100'} ${className}`}
      {...props}
    />
  );
}
