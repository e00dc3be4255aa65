import Link from 'next/link';
import { Badge } from '@/components/ui/badge';

const ORDER_TONES: Record<string, 'brand' | 'info' | 'success' | 'muted'> = {
  pending_payment: 'muted',
  paid: 'brand',
  shipped: 'info',
  delivered: 'success',
  cancelled: 'muted',
  refunded: 'muted',
  needs_review: 'brand',
  requested: 'brand',
  approved: 'info',
  rejected: 'muted',
  received: 'info',
};

/** An order's or return's status as a coloured badge (the label comes translated). */
export function StatusBadge({ status, label }: { status: string; label: string }) {
  return <Badge tone={ORDER_TONES[status] ?? 'muted'}>{label}</Badge>;
}

/** Links to the pages of a list: previous, "page x of y", next. */
export function ListPagination({
  page,
  pages,
  hrefFor,
  labels,
}: {
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
  labels: { nav: string; previous: string; next: string; pageOf: string };
}) {
  if (pages <= 1) return null;
  const link = 'rounded-md px-3 py-1.5 ring-1 ring-stone-300 hover:bg-stone-100';
  return (
    <nav aria-label={labels.nav} className="mt-4 flex flex-wrap items-center gap-3 text-sm">
      {page > 1 && (
        <Link href={hrefFor(page - 1)} rel="prev" className={link}>
          {labels.previous}
        </Link>
      )}
      <span aria-current="page">{labels.pageOf}</span>
      {page < pages && (
        <Link href={hrefFor(page + 1)} rel="next" className={link}>
          {labels.next}
        </Link>
      )}
    </nav>
  );
}

/** What an empty list says instead of an empty table. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return <p className="mt-6 rounded-lg border border-dashed border-stone-300 p-6 text-sm text-stone-600">{children}</p>;
}

/** Tabs of statuses with their counts, as links that keep the other filters. */
export function StatusTabs({
  label,
  tabs,
}: {
  label: string;
  tabs: { key: string; label: string; count: number | null; href: string; current: boolean }[];
}) {
  return (
    <nav aria-label={label} className="mt-4 overflow-x-auto">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.current ? 'page' : undefined}
              className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1.5 ${tab.current ? 'bg-stone-900 text-white' : 'bg-white ring-1 ring-stone-200 hover:bg-stone-100'}`}
            >
              {tab.label}
              {tab.count !== null && <span className="tabular-nums opacity-75">{tab.count}</span>}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
