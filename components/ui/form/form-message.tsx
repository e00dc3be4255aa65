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
