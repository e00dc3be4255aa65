import Link from 'next/link';
import { CARD_CLASS, EmptyState } from './card';

export type SortDirection = 'asc' | 'desc';

export type Column<Row> = {
  key: string;
  header: React.ReactNode;
  cell: (row: Row) => React.ReactNode;
  /** Numbers and amounts line up on the right. */
  align?: 'right';
  /** The cell that names its row: a `<th scope="row">`. */
  rowHeader?: boolean;
  /** Extra classes for this column's cells (not its header). */
  className?: string;
  /** Extra classes for this column's header. */
  headerClassName?: string;
  /** Its header is a link that sorts the list by it (needs the table's `sort`). */
  sortable?: boolean;
};

export type TableSort = {
  key: string;
  dir: SortDirection;
  /** The URL of the list sorted by `key` in `dir` (server-rendered lists sort through search params). */
  hrefFor: (key: string, dir: SortDirection) => string;
  /** What a sort link does, read after the column's name: "sort ascending", "sort descending". */
  labels: { ascending: string; descending: string };
};

const HEAD = 'border-b border-stone-200 text-xs uppercase text-stone-500';
const BODY = 'divide-y divide-stone-100';

const VARIANTS = {
  /** A list page's table: in its own card, scrolling sideways on narrow screens. */
  boxed: {
    wrapper: `mt-4 overflow-x-auto ${CARD_CLASS}`,
    cell: 'px-3 py-2',
    row: 'hover:bg-stone-50',
    head: HEAD,
    body: BODY,
  },
  /** A table inside a card or section: no frame of its own. */
  plain: { wrapper: 'mt-3 overflow-x-auto', cell: 'py-2 pr-3 last:pr-0', row: undefined, head: HEAD, body: BODY },
  /** A dense table inside a card (a report): padding on every side of a cell. */
  compact: { wrapper: 'mt-2 overflow-x-auto', cell: 'p-2', row: undefined, head: HEAD, body: BODY },
  /** On paper (a packing slip): black rules, no greys. */
  print: {
    wrapper: 'mt-8',
    cell: 'py-2 pr-3 last:pr-0',
    row: undefined,
    head: 'border-b-2 border-stone-800 text-xs uppercase',
    body: 'divide-y divide-stone-300',
  },
} as const;

/**
 * A table of rows, one column definition per column: header, cell, alignment. The first column
 * marked `rowHeader` names each row. Sortable columns link to the same list sorted by them and say
 * which way they sort (`aria-sort`). With no rows and an `empty` text, that text shows instead.
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  empty,
  sort,
  variant = 'boxed',
  minWidth = 'min-w-[40rem]',
  wrapperClassName,
  rowClassName,
  hideHeader = false,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  /** Read by screen readers only: what the table lists. */
  caption?: string;
  empty?: React.ReactNode;
  sort?: TableSort;
  variant?: keyof typeof VARIANTS;
  minWidth?: string;
  wrapperClassName?: string;
  rowClassName?: (row: Row) => string | undefined;
  /** Column names for screen readers only, where the cells speak for themselves. */
  hideHeader?: boolean;
}) {
  if (rows.length === 0 && empty !== undefined) {
    return variant === 'boxed' ? (
      <EmptyState>{empty}</EmptyState>
    ) : (
      <p className="mt-2 text-sm text-stone-600">{empty}</p>
    );
  }
  const style = VARIANTS[variant];
  const align = (column: Column<Row>) => (column.align === 'right' ? 'text-right' : '');
  return (
    <div className={wrapperClassName ?? style.wrapper}>
      <table className={`w-full ${minWidth} text-left text-sm`}>
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className={hideHeader ? 'sr-only' : style.head}>
          <tr>
            {columns.map((column) => {
              const active = sort?.key === column.key ? sort.dir : null;
              return (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={active ? (active === 'asc' ? 'ascending' : 'descending') : undefined}
                  className={`${style.cell} ${align(column)} ${column.headerClassName ?? ''}`}
                >
                  {sort && column.sortable ? <SortLink column={column} sort={sort} /> : column.header}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody className={style.body}>
          {rows.map((row) => (
            <tr key={rowKey(row)} className={rowClassName?.(row) ?? style.row}>
              {columns.map((column) => {
                const className = `${style.cell} ${align(column)} ${column.className ?? ''}`;
                return column.rowHeader ? (
                  <th key={column.key} scope="row" className={className}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={className}>
                    {column.cell(row)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A column header that sorts by its column: ascending first, then the other way on a second click. */
function SortLink<Row>({ column, sort }: { column: Column<Row>; sort: TableSort }) {
  const active = sort.key === column.key;
  const next: SortDirection = active && sort.dir === 'asc' ? 'desc' : 'asc';
  return (
    <Link
      href={sort.hrefFor(column.key, next)}
      className={`inline-flex items-center gap-1 uppercase hover:text-stone-900 ${active ? 'text-stone-900' : ''}`}
    >
      {column.header}
      <span aria-hidden>{active ? (sort.dir === 'asc' ? '↑' : '↓') : '↕'}</span>
      <span className="sr-only">, {next === 'asc' ? sort.labels.ascending : sort.labels.descending}</span>
    </Link>
  );
}

/**
 * The sort a list's URL asks for (`?sort=key&dir=asc|desc`), when `key` is one the list knows;
 * otherwise its default.
 */
export function readSort<Key extends string>(
  query: Record<string, string | string[] | undefined>,
  keys: readonly Key[],
  fallback: { key: Key; dir: SortDirection },
): { key: Key; dir: SortDirection } {
  const key = [query.sort].flat()[0];
  const dir = [query.dir].flat()[0];
  if (!key || !(keys as readonly string[]).includes(key)) return fallback;
  return { key: key as Key, dir: dir === 'desc' ? 'desc' : 'asc' };
}
