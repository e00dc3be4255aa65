import { Fragment } from 'react';

export type Definition = {
  term: React.ReactNode;
  value: React.ReactNode;
  /** Extra classes for the value (`break-all`, `tabular-nums`, …). */
  valueClassName?: string;
  /** A total or other line that stands out: term and value in bold. */
  strong?: boolean;
};

const LAYOUTS = {
  /** Terms in a narrow column, values beside them. */
  columns: { list: 'grid grid-cols-[auto_1fr] gap-x-4 gap-y-1', term: 'text-stone-600', value: '' },
  /** Figures: values aligned on the right, as in an order's totals. */
  totals: {
    list: 'ml-auto grid max-w-xs grid-cols-[1fr_auto] gap-x-4 gap-y-1',
    term: 'text-stone-600',
    value: 'text-right tabular-nums',
  },
  /** Each term above its value. */
  stacked: { list: 'space-y-2', term: 'text-stone-600', value: '' },
} as const;

/** Terms and their values (`<dl>`): facts about a record, or the lines of a bill. */
export function DefinitionList({
  items,
  layout = 'columns',
  className = 'mt-3',
}: {
  items: (Definition | null | false)[];
  layout?: keyof typeof LAYOUTS;
  className?: string;
}) {
  const style = LAYOUTS[layout];
  const shown = items.filter((item): item is Definition => Boolean(item));
  const term = (item: Definition) => (item.strong ? 'font-semibold' : style.term);
  const value = (item: Definition) =>
    `${style.value} ${item.strong ? 'font-semibold' : ''} ${item.valueClassName ?? ''}`.trim() || undefined;
  return (
    <dl className={`${style.list} text-sm ${className}`}>
      {shown.map((item, index) =>
        layout === 'stacked' ? (
          <div key={index}>
            <dt className={term(item)}>{item.term}</dt>
            <dd className={value(item)}>{item.value}</dd>
          </div>
        ) : (
          <Fragment key={index}>
            <dt className={term(item)}>{item.term}</dt>
            <dd className={value(item)}>{item.value}</dd>
          </Fragment>
        ),
      )}
    </dl>
  );
}
