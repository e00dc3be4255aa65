const VARIANTS = {
  primary: 'bg-stone-900 text-white hover:bg-stone-700 disabled:bg-stone-400',
  secondary: 'bg-white text-stone-900 ring-1 ring-stone-300 hover:bg-stone-100 disabled:text-stone-400',
  danger: 'bg-brand-700 text-white hover:bg-brand-600 disabled:bg-stone-400',
} as const;

/** A button's look, for a link that acts as one (`<Link className={buttonClass('secondary')}>`). */
export function buttonClass(variant: keyof typeof VARIANTS = 'primary', className = ''): string {
  return `inline-flex items-center justify-center gap-2 rounded-full px-5 py-2 text-sm font-semibold transition ${VARIANTS[variant]} ${className}`;
}

/** A button; `pending` disables it and announces the work in progress. */
export function Button({
  variant = 'primary',
  pending = false,
  className = '',
  children,
  ...props
}: React.ComponentProps<'button'> & { variant?: keyof typeof VARIANTS; pending?: boolean }) {
  return (
    <button
      {...props}
      disabled={pending || props.disabled}
      aria-busy={pending || undefined}
      className={buttonClass(variant, className)}
    >
      {pending && (
        <span aria-hidden className="size-3 animate-spin rounded-full border-2 border-current border-t-transparent" />
      )}
      {children}
    </button>
  );
}
