import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { ListPagination, listHref, StatusTabs } from '@/components/admin/list-parts';
import { CheckInForm } from '@/components/admin/rentals/check-in-form';
import { DispatchTable, OutTable } from '@/components/admin/rentals/rental-tables';
import { Section } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { resolveLocale, titleMetadata } from '@/lib/i18n/server';
import { deskCounts, listOut, listToDispatch } from '@/lib/admin/rentals/queries';
import { now as clockNow } from '@/lib/clock';

// Per-user and per-request: rendered in full on each request, never from a static shell.
export const instant = false;

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export const generateMetadata = titleMetadata('admin.rentals');

const VIEWS = ['dispatch', 'out', 'overdue'] as const;
type View = (typeof VIEWS)[number];

/**
 * The rental desk: the check-in box first (scan a returned copy), then the rentals to send (their
 * order paid), the copies out, or only the overdue ones.
 */
export default async function AdminRentalsPage({ params, searchParams }: Props) {
  const locale = await resolveLocale(params);
  const query = await searchParams;
  const viewParam = [query.view].flat()[0] ?? 'dispatch';
  const view: View = (VIEWS as readonly string[]).includes(viewParam) ? (viewParam as View) : 'dispatch';
  const page = Math.min(10_000, Math.max(1, Number.parseInt([query.page].flat()[0] ?? '1', 10) || 1));
  const t = await getTranslations({ locale, namespace: 'admin.rentals' });
  const now = clockNow();
  const counts = await deskCounts(now);
  let table: React.ReactNode;
  let shown: { page: number; pageCount: number };
  if (view === 'dispatch') {
    const list = await listToDispatch(page);
    table = <DispatchTable rows={list.items} locale={locale} />;
    shown = list;
  } else {
    const list = await listOut({ overdue: view === 'overdue', page, now });
    table = <OutTable rows={list.items} locale={locale} overdue={view === 'overdue'} />;
    shown = list;
  }
  const href = (next: { view?: View; page?: number }) =>
    listHref('/admin/rentals', {
      view: (next.view ?? view) === 'dispatch' ? null : (next.view ?? view),
      page: next.page,
    });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={t('title')} intro={t('intro')} />
        <div className="flex flex-col items-end gap-1">
          <Link href="/admin/rentals/copies" className="text-sm font-medium text-brand-700 hover:underline">
            {t('copiesLink')}
          </Link>
          <Link href="/admin/rentals/report" className="text-sm font-medium text-brand-700 hover:underline">
            {t('reportLink')}
          </Link>
        </div>
      </div>
      <Section id="check-in" title={t('checkIn.title')}>
        <div className="mt-3">
          <CheckInForm />
        </div>
      </Section>
      <section aria-labelledby="desk-lists">
        <h2 id="desk-lists" className="sr-only">
          {t('listsTitle')}
        </h2>
        <StatusTabs
          label={t('viewsLabel')}
          tabs={VIEWS.map((key) => ({
            key,
            label: t(`views.${key}`),
            count: counts[key],
            href: href({ view: key }),
            current: key === view,
          }))}
        />
        <div className="mt-4">{table}</div>
        <ListPagination t={t} page={shown.page} pages={shown.pageCount} hrefFor={(p) => href({ page: p })} />
      </section>
    </div>
  );
}
