import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/card';
import { Field, SelectField } from '@/components/ui/field';
import { Pagination } from '@/components/ui/pagination';
import { LOCALE_TAGS, type Locale } from '@/lib/i18n/config';
import { formatMoney } from '@/lib/money/format';

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

/**
 * The head of one record's page (an order, a return, an edition, a customer): a link back to its
 * list, the title (`id` names the page's article) and what follows it (status, dates); `actions` on the right.
 */
export function RecordHeader({
  back,
  id,
  title,
  actions,
  children,
}: {
  back: { href: string; label: string };
  id: string;
  title: React.ReactNode;
  actions?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const head = (
    <div>
      <Link href={back.href} className="text-sm text-brand-700 hover:underline">
        ← {back.label}
      </Link>
      <h1 id={id} className="mt-1 text-2xl font-black tracking-tight">
        {title}
      </h1>
      {children}
    </div>
  );
  return actions ? (
    <header className="flex flex-wrap items-start justify-between gap-4">
      {head}
      {actions}
    </header>
  ) : (
    <header>{head}</header>
  );
}

/** A page under a list (a new record, an import): a link back to the list, the title, then the page. */
export function SubPage({
  back,
  title,
  children,
}: {
  back: { href: string; label: string };
  title: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <div>
      <Link href={back.href} className="text-sm text-brand-700 hover:underline">
        ← {back.label}
      </Link>
      <h1 className="mt-2 text-2xl font-black tracking-tight">{title}</h1>
      {children}
    </div>
  );
}

/** One record's page: an article named by its RecordHeader (`head` under the title), then the record. */
export function RecordPage({
  id,
  back,
  title,
  actions,
  head,
  children,
}: Omit<React.ComponentProps<typeof RecordHeader>, 'children'> & { head: React.ReactNode; children: React.ReactNode }) {
  return (
    <article aria-labelledby={id} className="space-y-6">
      <RecordHeader back={back} id={id} title={title} actions={actions}>
        {head}
      </RecordHeader>
      {children}
    </article>
  );
}

/** The status badge and facts under a record's title; the word "status" is read before the badge. */
export function RecordStatus({
  label,
  badge,
  children,
}: {
  label: string;
  badge: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-stone-600">
      <span className="sr-only">{label}: </span>
      {badge}
      {children}
    </p>
  );
}

/** How a record's page writes amounts (in the record's currency) and moments (date and time). */
export function recordFormats(locale: Locale, currency: string) {
  const tag = LOCALE_TAGS[locale];
  return {
    money: (minor: number) => formatMoney(minor, currency, tag),
    date: new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' }),
  };
}

/** A list's URL with the given search params, leaving out empty ones and page 1. */
export function listHref(path: string, params: Record<string, string | number | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || (name === 'page' && Number(value) <= 1)) continue;
    search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * A filtered list's body: how many it found (announced when it changes), then the list, or what an
 * empty one says.
 */
export function ListResults({
  count,
  empty,
  children,
}: {
  count: string;
  /** Shown instead of the list when nothing was found. */
  empty: React.ReactNode | null;
  children: React.ReactNode;
}) {
  return (
    <>
      <p className="mt-4 text-sm text-stone-600" aria-live="polite">
        {count}
      </p>
      {empty ? <EmptyState className="mt-4">{empty}</EmptyState> : children}
    </>
  );
}

/**
 * The search and filters of a list: a GET form to the list's own URL, so the view lives in the URL
 * and Back works. `hidden` carries the filters set elsewhere (a status tab); `clear` links back to the
 * whole list while something is filtered.
 */
export function FilterBar({
  action,
  hidden = {},
  submit,
  clear,
  className = 'mt-4 flex flex-wrap items-end gap-3',
  actionsClassName = 'flex items-end gap-2',
  noValidate,
  children,
}: {
  action: string;
  hidden?: Record<string, string | number | null | undefined>;
  submit: string;
  clear?: string | false;
  className?: string;
  /** The submit button and the clear link. */
  actionsClassName?: string;
  /** Leave the checks to the server, which reports them per field (dates). */
  noValidate?: boolean;
  children: React.ReactNode;
}) {
  return (
    <form role="search" action={action} className={className} noValidate={noValidate}>
      {Object.entries(hidden).map(
        ([name, value]) =>
          value !== null &&
          value !== undefined &&
          value !== '' && <input key={name} type="hidden" name={name} value={value} />,
      )}
      {children}
      <div className={actionsClassName}>
        <button
          type="submit"
          className="rounded-full bg-stone-900 px-4 py-2 text-sm font-semibold text-white hover:bg-stone-700"
        >
          {submit}
        </button>
        {clear && (
          <Link href={action} className="px-2 py-2 text-sm text-brand-700 hover:underline">
            {clear}
          </Link>
        )}
      </div>
    </form>
  );
}

type PageTranslator = (
  key: 'pages' | 'previous' | 'next' | 'pageOf',
  values?: { page: number; pages: number },
) => string;

/** Previous, "page x of y" and next, in the words of the list's namespace (`pages`, `previous`, `next`, `pageOf`). */
export function ListPagination({
  t,
  page,
  pages,
  hrefFor,
}: {
  t: PageTranslator;
  page: number;
  pages: number;
  hrefFor: (page: number) => string;
}) {
  return (
    <Pagination
      page={page}
      pageCount={pages}
      hrefFor={hrefFor}
      labels={{ nav: t('pages'), previous: t('previous'), next: t('next'), pageOf: t('pageOf', { page, pages }) }}
    />
  );
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

/**
 * A select of a filter form: "any" (no filter, an empty value) first, then the choices; `value` is
 * the filter's current value.
 */
export function ChoiceFilter({
  any,
  choices,
  value,
  className = 'w-36',
  ...select
}: Omit<React.ComponentProps<typeof SelectField>, 'options' | 'defaultValue' | 'value' | 'children'> & {
  any: string;
  choices: { value: string | number; label: string }[];
  value: string | number | null | undefined;
}) {
  return (
    <SelectField
      {...select}
      className={className}
      defaultValue={value ?? ''}
      options={[{ value: '', label: any }, ...choices.map((choice) => ({ ...choice, value: String(choice.value) }))]}
    />
  );
}

/** The "from" and "to" dates of a filter form, each with its error. */
export function DateRangeFields({
  labels,
  values,
  errors,
}: {
  labels: { from: string; to: string };
  values: { from: string; to: string };
  errors: { from?: string | null; to?: string | null };
}) {
  return (['from', 'to'] as const).map((name) => (
    <Field
      key={name}
      label={labels[name]}
      name={name}
      type="date"
      defaultValue={values[name]}
      error={errors[name]}
      className="w-40"
    />
  ));
}

/** The search box of a filter form: its text field, `q` unless named otherwise. */
export function SearchField({
  value,
  name = 'q',
  type = 'search',
  ...field
}: { label: string; value: string | undefined; name?: string; type?: 'search' | 'email' } & Pick<
  React.ComponentProps<typeof Field>,
  'id' | 'hint' | 'placeholder' | 'maxLength' | 'className'
>) {
  return <Field {...field} name={name} type={type} defaultValue={value} />;
}
