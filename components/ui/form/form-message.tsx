/**
 * A form's own messages, read out by screen readers as they change: `FormError` for what went wrong
 * with the form as a whole (assertive), `FormStatus` for an outcome (polite). Both keep their place
 * on the page when empty, so the form does not jump when a message appears.
 */

type Props = { children?: React.ReactNode; className?: string };

export function FormError({ children, className = '' }: Props) {
  return (
    <div role="alert" aria-live="assertive" className={`min-h-5 text-sm font-medium text-brand-700 ${className}`}>
      {children}
    </div>
  );
}

/** `className` replaces the default size and colour (a status may be good or bad news). */
export function FormStatus({ children, className = 'min-h-5 text-sm' }: Props) {
  return (
    <p role="status" aria-live="polite" className={className}>
      {children}
    </p>
  );
}

/** Both regions under a form that stays on the page: what went wrong, or that it was done. */
export function FormMessages({ error, success }: { error?: string | null; success?: string | null }) {
  return (
    <div>
      <FormError>{error}</FormError>
      <FormStatus className="text-sm font-medium text-emerald-800">{success}</FormStatus>
    </div>
  );
}

/** The outcome that takes a form's place once it is done ("a link is on its way"). */
export function DoneNotice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900">
      {children}
    </p>
  );
}
