/**
 * The white box with a thin border that groups things on a page: one place for its classes.
 * `Card` is the bare box (any element, any padding); `Section` is a card with a heading that names it.
 */
export const CARD_CLASS = 'rounded-xl border border-stone-200 bg-white';

type CardProps<E extends React.ElementType> = {
  as?: E;
  className?: string;
  children?: React.ReactNode;
} & Omit<React.ComponentPropsWithoutRef<E>, 'as' | 'className' | 'children'>;

/** A bordered white box; `className` adds padding, spacing or layout. */
export function Card<E extends React.ElementType = 'div'>({ as, className = 'p-4', children, ...props }: CardProps<E>) {
  const Element: React.ElementType = as ?? 'div';
  return (
    <Element {...props} className={`${CARD_CLASS} ${className}`}>
      {children}
    </Element>
  );
}

/**
 * A card that is a `<section>` (or, with `as`, an `<aside>`) named by its heading (`id` ties them
 * together); `aside` sits at the heading's right (a count, a link). `bare` leaves the card out.
 */
export function Section({
  as: Element = 'section',
  id,
  title,
  aside,
  bare = false,
  className = bare ? '' : 'p-4',
  headingClassName = 'font-bold',
  children,
}: {
  as?: 'section' | 'aside';
  id: string;
  title: React.ReactNode;
  aside?: React.ReactNode;
  /** Without the card: a headed part of a page that is not boxed. */
  bare?: boolean;
  className?: string;
  headingClassName?: string;
  children: React.ReactNode;
}) {
  const heading = (
    <h2 id={id} className={headingClassName}>
      {title}
    </h2>
  );
  return (
    <Element aria-labelledby={id} className={bare ? className || undefined : `${CARD_CLASS} ${className}`}>
      {aside ? (
        <div className="flex items-center justify-between gap-3">
          {heading}
          {aside}
        </div>
      ) : (
        heading
      )}
      {children}
    </Element>
  );
}

/** Key figures, each in its own small card: a label, the figure, and a hint under it if any. */
export function StatList({
  stats,
  className,
  valueClassName = 'text-2xl',
}: {
  stats: { label: string; value: React.ReactNode; hint?: string }[];
  /** The grid: how many cards a row. */
  className: string;
  valueClassName?: string;
}) {
  return (
    <dl className={className}>
      {stats.map((stat) => (
        <div key={stat.label} className={`min-w-0 p-4 ${CARD_CLASS}`}>
          <dt className="text-xs font-semibold uppercase tracking-wide text-stone-500">{stat.label}</dt>
          <dd className={`mt-1 font-black tabular-nums ${valueClassName}`}>{stat.value}</dd>
          {stat.hint && <dd className="mt-1 text-xs text-stone-500">{stat.hint}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** What an empty list says instead of an empty table. */
export function EmptyState({ className = 'mt-6', children }: { className?: string; children: React.ReactNode }) {
  return (
    <div className={`${className} rounded-lg border border-dashed border-stone-300 p-6 text-sm text-stone-600`}>
      {children}
    </div>
  );
}

/**
 * The grey blocks a list page shows while it renders (a `loading.tsx`): a title, a filter bar,
 * optionally a row of tabs, then one tall card or several short ones. Hidden from assistive technology.
 */
export function ListSkeleton({
  filters = 'h-10 max-w-xl rounded-lg',
  tabs = false,
  cards = ['h-72'],
}: {
  /** Height, width and rounding of the bar under the title (the filters, or an introduction). */
  filters?: string;
  tabs?: boolean;
  /** The height of each card below. */
  cards?: string[];
}) {
  return (
    <div aria-hidden className="animate-pulse space-y-4">
      <div className="h-8 w-48 rounded-md bg-stone-200" />
      <div className={`w-full bg-stone-100 ${filters}`} />
      {tabs && <div className="h-8 w-full max-w-2xl rounded-full bg-stone-100" />}
      {cards.map((height, index) => (
        <div key={index} className={`${height} ${CARD_CLASS}`} />
      ))}
    </div>
  );
}
