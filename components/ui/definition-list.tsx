import { Fragment } from 'react';
import { CARD_CLASS } from './card';

export type Definition = {
  term: React.ReactNode;
  value: React.ReactNode;
  /** Extra classes for the value (`break-all`, `tabular-nums`, …). */
  valueClassName?: string;
  /** A total or other line that stands out: term and value in bold. */
  strong?: boolean;
  /** A colour for term and value (a refund in green). */
  tone?: string;
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
  /** A card of rows: the term beside its value on wide screens, above it on phones. */
  rows: {
    list: `divide-y divide-stone-100 ${CARD_CLASS}`,
    term: 'text-stone-500',
    value: 'break-words font-medium',
  },
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
  const term = (item: Definition) => `${item.strong ? 'font-semibold' : style.term} ${item.tone ?? ''}`.trim();
  const value = (item: Definition) =>
    `${style.value} ${item.strong ? 'font-semibold' : ''} ${item.tone ?? ''} ${item.valueClassName ?? ''}`.trim() ||
    undefined;
  return (
    <dl className={`${style.list} text-sm ${className}`}>
      {shown.map((item, index) =>
        layout === 'stacked' || layout === 'rows' ? (
          <div key={index} className={layout === 'rows' ? 'grid gap-1 px-4 py-3 sm:grid-cols-[12rem_1fr]' : undefined}>
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
